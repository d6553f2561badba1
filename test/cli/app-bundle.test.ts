import { describe, expect, it } from 'vitest';
import { loadedUpFront, readBuildMetafile } from './build-metafile.js';

// What the home screen's first frame waits for: the app entry and the shell (run-app) with their static imports.
// The quiz and simulator routes are in the shell's state, but their engines load with their screens (issue 17).
describe('the app\'s first frame (run `npm run build` first)', () => {
  it.each([
    ['the quiz session engine', /^src\/core\/quiz\/session\/session\.ts$/],
    ['answer judging', /^src\/core\/quiz\/answers\//],
    ['the FSRS scheduler', /node_modules\/ts-fsrs\//],
    ['the zone-file record parser', /^src\/core\/dns-sim\/world\/record-data\.ts$/],
  ])('loads no code of %s', (_name, pattern) => {
    const metafile = readBuildMetafile();
    const shell = Object.keys(metafile.outputs).find((output) => metafile.outputs[output]!.entryPoint === 'src/ui/run-app.tsx');
    expect(shell).toBeDefined();
    const outputs = new Set([...loadedUpFront(metafile, 'dist/app/open-app.js'), ...loadedUpFront(metafile, shell!)]);
    const inputs = [...outputs].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
    expect(inputs).toContain('src/ui/screens/home/home-screen.tsx');
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });
});
