import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('../../src/ui/young-generation.ts', import.meta.url));

const BURST = 'Array.from({ length: 200000 }, (_, i) => ({ i, text: \'row \' + i }))';

// The young generation's size after the given program, in a fresh process (the setting is process-wide).
function youngGenerationMbAfter(program: string): number {
  const { outputFiles } = buildSync({ entryPoints: [SOURCE], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `${outputFiles[0]!.text}
import { getHeapSpaceStatistics } from 'node:v8';
${program}
console.log(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576);`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

const burst = (rounds: number, into: string) => `for (let round = 0; round < ${rounds}; round++) ${into}.push(${BURST});`;

// The app's memory after visiting every screen was a quarter young generation grown by bursts (issue 17).
describe('limitYoungGeneration', () => {
  it('keeps the young generation at its size through an allocation burst that grows it otherwise', () => {
    expect(youngGenerationMbAfter(`const kept = []; ${burst(20, 'kept')}`)).toBeGreaterThan(8);
    expect(youngGenerationMbAfter(`limitYoungGeneration(); const kept = []; ${burst(20, 'kept')}`)).toBeLessThanOrEqual(4);
  });

  // With 1,000 cards, the cards loaded before the first frame grew it to 16 MB before the limit was set.
  it('gives back a young generation grown before the limit was set', () => {
    const grownThenLimited = (limit: boolean) => `let early = []; ${burst(20, 'early')} ${limit ? 'limitYoungGeneration();' : ''} early = undefined; const later = []; ${burst(10, 'later')}`;
    expect(youngGenerationMbAfter(grownThenLimited(false))).toBeGreaterThan(8);
    expect(youngGenerationMbAfter(grownThenLimited(true))).toBeLessThanOrEqual(4);
  });
});
