import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('../../src/ui/young-generation.ts', import.meta.url));

// The young generation's size after a burst of short-lived allocations, in a fresh process (the setting is process-wide).
function youngGenerationMbAfterBurst(limit: boolean): number {
  const { outputFiles } = buildSync({ entryPoints: [SOURCE], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  const program = `${outputFiles[0]!.text}
import { getHeapSpaceStatistics } from 'node:v8';
${limit ? 'limitYoungGeneration();' : ''}
const kept = [];
for (let round = 0; round < 20; round++) kept.push(Array.from({ length: 200000 }, (_, i) => ({ i, text: 'row ' + i })));
console.log(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size / 1048576);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return Number(run.stdout.trim());
}

// The app's memory after visiting every screen was a quarter young generation grown by bursts (issue 17).
describe('limitYoungGeneration', () => {
  it('keeps the young generation at its size through an allocation burst that grows it otherwise', () => {
    expect(youngGenerationMbAfterBurst(false)).toBeGreaterThan(8);
    expect(youngGenerationMbAfterBurst(true)).toBeLessThanOrEqual(4);
  });
});
