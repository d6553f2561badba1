import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('../../src/ui/allocation-burst.ts', import.meta.url));

// The program's output in a fresh process (V8's flags are process-wide), with inAllocationBurst and limitYoungGeneration in scope.
function runWith(program: string): string {
  const { outputFiles } = buildSync({
    stdin: { contents: "export { inAllocationBurst } from './allocation-burst.js'; export { limitYoungGeneration } from './young-generation.js';", resolveDir: fileURLToPath(new URL('.', `file://${SOURCE}`)), loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent',
  });
  const bundled = outputFiles[0]!.text.replace(/export \{[^}]*\};?\s*$/, '');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${bundled}
import { getHeapStatistics } from 'node:v8';
${program}`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

// A study load's shape: much allocated, little kept.
const LOAD = "async () => { let rows = []; for (let round = 0; round < 30; round++) rows.push(Array.from({ length: 20000 }, (_, i) => ({ i, text: 'row ' + i }))); const kept = rows.length; rows = undefined; return kept; }";
const usedMbAfter = (wrap: string) => `const kept = await ${wrap}(${LOAD}); console.log(JSON.stringify({ kept, usedMb: getHeapStatistics().used_heap_size / 1048576 }));`;

describe('inAllocationBurst', () => {
  it('gives the memory of a burst back once the first frame is out, and passes its result on', () => {
    const plain = JSON.parse(runWith(`limitYoungGeneration(); ${usedMbAfter('((work) => work())')}`)) as { kept: number; usedMb: number };
    const burst = JSON.parse(runWith(`limitYoungGeneration(); ${usedMbAfter('inAllocationBurst')}`)) as { kept: number; usedMb: number };
    expect(burst.kept).toBe(30);
    expect(plain.usedMb).toBeGreaterThan(20);
    expect(burst.usedMb).toBeLessThan(8);
  });

  // Before the first frame the code cache has not been written, and V8 rejects code cached under other flags.
  it('changes nothing before the first frame', () => {
    const early = JSON.parse(runWith(usedMbAfter('inAllocationBurst'))) as { kept: number; usedMb: number };
    expect(early.kept).toBe(30);
    expect(early.usedMb).toBeGreaterThan(20);
    // The tag V8 checks cached code against (its version and flags) is the one the code cache was written under.
    expect(runWith("import { cachedDataVersionTag } from 'node:v8'; const before = cachedDataVersionTag(); await inAllocationBurst(async () => 1); console.log(cachedDataVersionTag() === before);")).toBe('true');
  });

  it('lets the code cache store its code before the first flag change, under the flags it was compiled with, and not before the first frame', () => {
    const program = (limit: boolean) =>
      `import { cachedDataVersionTag } from 'node:v8'; ${limit ? 'limitYoungGeneration();' : ''} const tag = cachedDataVersionTag(); const seen = [];
      await inAllocationBurst(async () => { seen.push('work'); await inAllocationBurst(async () => seen.push('inner'), () => seen.push('again')); }, () => seen.push(cachedDataVersionTag() === tag ? 'before, flags unchanged' : 'flags changed'));
      console.log(JSON.stringify(seen));`;
    expect(JSON.parse(runWith(program(true)))).toEqual(['before, flags unchanged', 'work', 'inner']);
    expect(JSON.parse(runWith(program(false)))).toEqual(['work', 'inner']);
  });

  it('passes a failure on, and optimises again after it', () => {
    expect(runWith("limitYoungGeneration(); await inAllocationBurst(async () => { throw new Error('no cards'); }).catch((error) => console.log(error.message));")).toBe('no cards');
  });
});
