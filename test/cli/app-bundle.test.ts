import { describe, expect, it } from 'vitest';
import { loadedUpFront, readBuildMetafile } from './build-metafile.js';

// What the home screen's first frame waits for: the app entry and the shell (run-app) with their static imports.
// The quiz and simulator routes are in the shell's state, but their engines load with their screens (issue 17).
// The Node built-ins that take milliseconds to load and are used only after the first frame (hashing, the heap setting).
const LATE_BUILTINS = ['node:crypto', 'crypto', 'node:v8', 'v8'];

function firstFrameOutputs() {
  const metafile = readBuildMetafile();
  const shell = Object.keys(metafile.outputs).find((output) => metafile.outputs[output]!.entryPoint === 'src/ui/run-app.tsx');
  expect(shell).toBeDefined();
  return { metafile, outputs: new Set([...loadedUpFront(metafile, 'dist/app/open-app.cjs'), ...loadedUpFront(metafile, shell!)]) };
}

describe('the app\'s first frame (run `npm run build` first)', () => {
  it('imports none of the slow-loading built-ins (node:crypto costs about 5 ms), which load on first use', () => {
    const { metafile, outputs } = firstFrameOutputs();
    const imported = [...outputs].flatMap((output) => metafile.outputs[output]!.imports.filter((entry) => entry.external).map((entry) => entry.path));
    expect(imported).toContain('node:fs');
    expect(imported.filter((path) => LATE_BUILTINS.includes(path))).toEqual([]);
  });

  // The modules loaded after the frame are built as importers of the entry and the shell (scripts/build.mjs), so the
  // code they share with the home path is not split into a chunk per module that reaches it: 20 files, 33 before.
  it('loads the home path without a small chunk for each lazily loaded module that shares its code', () => {
    const { outputs } = firstFrameOutputs();
    expect(outputs.size).toBeLessThanOrEqual(22);
  });

  it.each([
    ['the quiz session engine', /^src\/core\/quiz\/session\/session\.ts$/],
    ['answer judging', /^src\/core\/quiz\/answers\//],
    ['the FSRS scheduler', /node_modules\/ts-fsrs\//],
    ['the zone-file record parser', /^src\/core\/dns-sim\/world\/record-data\.ts$/],
  ])('loads no code of %s', (_name, pattern) => {
    const { metafile, outputs } = firstFrameOutputs();
    const inputs = [...outputs].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
    expect(inputs).toContain('src/ui/screens/home/home-screen.tsx');
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });
});

describe('`swelearn quiz` in a terminal, before its first frame (run `npm run build` first)', () => {
  // The quiz command in the app's scripts: what it loads up front comes before the session is prepared and drawn.
  function quizCommandInputs() {
    const metafile = readBuildMetafile();
    const command = Object.keys(metafile.outputs).find((output) => output.startsWith('dist/chunks/') && metafile.outputs[output]!.entryPoint === 'src/cli/commands/quiz.ts');
    expect(command).toBeDefined();
    return [...loadedUpFront(metafile, command!)].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
  }

  it.each([
    ['the plain quiz loop and its line reader', /^src\/cli\/quiz\/(plain-runner|line-reader)\.ts$/],
    ['the plain reporters', /^src\/cli\/quiz\/(text|json)-reporter\.ts$/],
    ['the item listing', /^src\/(cli\/quiz\/item-list|app\/study\/list-quiz-items)\.ts$/],
    ['the held items and the statistics they read', /^src\/(cli\/quiz\/held-items|app\/study\/study-data|core\/quiz\/progress\/stats)\.ts$/],
  ])('loads no code of %s', (_name, pattern) => {
    const inputs = quizCommandInputs();
    expect(inputs).toContain('src/app/study/prepare-quiz.ts');
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });
});
