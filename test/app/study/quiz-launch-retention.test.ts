import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const source = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));

// Whether the prepared quiz and every item are collectable while the session's launch is still held, in a fresh
// process with the collector exposed (a session is held for as long as the quiz screen is open).
function collectableWhileLaunchHeld(): { prepared: boolean; items: boolean } {
  const program = `
import { quizLaunch } from ${source('../../../src/app/study/study-port.ts')};
import { answerContext } from ${source('../../../src/core/quiz/answers/known-terms.ts')};
import { EMPTY_GLOSSARY } from ${source('../../../src/core/quiz/answers/glossary.ts')};
let items = Array.from({ length: 50 }, (_, i) => ({ id: 'card/kp-' + i, term: { answer: 'term ' + i, alternatives: [], wrong: [], kind: 'concept' } }));
let prepared = { setup: { questions: [], checking: answerContext(items, EMPTY_GLOSSARY) }, progress: { writer: { close() {} } }, candidates: items };
const refs = { prepared: new WeakRef(prepared), items: new WeakRef(items) };
const launch = quizLaunch(prepared, 0);
items = prepared = undefined;
setTimeout(() => {
  gc();
  globalThis.held = launch;
  console.log(JSON.stringify({ prepared: refs.prepared.deref() === undefined, items: refs.items.deref() === undefined }));
}, 0);`;
  const { outputFiles } = buildSync({ stdin: { contents: program, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', outputFiles[0]!.text], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { prepared: boolean; items: boolean };
}

// At 1,000 cards the open quiz screen held every item of every card (megabytes) through the launch's close and the checking context.
describe('a quiz launch', () => {
  it('holds neither the prepared quiz nor every item while its session runs', () => {
    expect(collectableWhileLaunchHeld()).toEqual({ prepared: true, items: true });
  });
});
