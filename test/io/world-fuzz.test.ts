import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSeed } from '../../src/core/dns-sim/prng.js';
import { parseZoneFile } from '../../src/core/dns-sim/world/zone-file.js';
import { loadWorldFolder, WorldLoadError } from '../../src/io/world-folder.js';
import { Draw, MUTATIONS } from './world-fuzz-cases.js';

const BASIC = join(import.meta.dirname, '..', 'fixtures', 'worlds', 'basic');
const ORIGINAL = new Map<string, Buffer>(readdirSync(BASIC).map((name) => [name, readFileSync(join(BASIC, name))]));
const SEED = 19;
// 200 worlds on disk and 300 zone files in memory: a few seconds on a busy machine.
const WORLD_CASES = 200;
const ZONE_CASES = 300;

/** How many lines a file has, counting LF, CRLF and a lone CR each as one line end. */
function lineCount(bytes: Buffer | undefined): number {
  return bytes === undefined ? 0 : bytes.toString('utf8').split(/\r\n|\r|\n/).length;
}

/** A world folder of the basic fixture with one to three mutations (or a file removed); its files and what was done. */
function mutatedWorld(index: number): { files: Map<string, Buffer>; done: string[] } {
  const draw = new Draw(hashSeed(SEED, 'world', index));
  const files = new Map(ORIGINAL);
  const done: string[] = [];
  for (let step = 0, steps = 1 + draw.below(3); step < steps; step++) {
    const name = draw.pick([...files.keys()]);
    if (draw.below(12) === 0) {
      files.delete(name);
      done.push(`${name}: removed`);
      continue;
    }
    const mutation = draw.pick(MUTATIONS);
    files.set(name, mutation.apply(files.get(name)!, draw));
    done.push(`${name}: ${mutation.name}`);
  }
  return { files, done };
}

/** What is wrong with how a load ended, or undefined when it succeeded or failed with clear file:line errors. */
function judgeLoad(error: unknown, files: Map<string, Buffer>, dir: string): string | undefined {
  if (error === undefined) return undefined;
  if (!(error instanceof WorldLoadError)) return `threw ${(error as Error)?.name}: ${(error as Error)?.message}`;
  for (const problem of error.errors) {
    // The one required file may be named when it is missing.
    const known = problem.file === dir || files.has(problem.file) || (problem.file === 'servers.yaml' && problem.line === 0);
    if (!known) return `an error names "${problem.file}", which is not a file of the world`;
    if (!Number.isInteger(problem.line) || problem.line < 0 || problem.line > Math.max(1, lineCount(files.get(problem.file)))) {
      return `${problem.file}: line ${problem.line} is outside the file (${lineCount(files.get(problem.file))} lines)`;
    }
    if (problem.message.trim() === '') return `${problem.file}:${problem.line}: an empty message`;
  }
  return undefined;
}

describe('world loader fuzz', () => {
  it(`loads ${WORLD_CASES} mutated worlds (seed ${SEED}): each succeeds or fails with errors naming the file and line, none throws another error`, async () => {
    const failures: string[] = [];
    const outcomes = { loaded: 0, refused: 0 };
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-fuzz-'));
    try {
      for (let index = 0; index < WORLD_CASES; index++) {
        const { files, done } = mutatedWorld(index);
        for (const name of readdirSync(dir)) rmSync(join(dir, name));
        for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
        const error = await loadWorldFolder(dir).then(() => undefined, (caught: unknown) => caught ?? new Error('rejected with nothing'));
        outcomes[error === undefined ? 'loaded' : 'refused']++;
        const wrong = judgeLoad(error, files, dir);
        if (wrong) failures.push(`case ${index} (${done.join('; ')}): ${wrong}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
    // The cases reach both ends: worlds that still load and worlds that are refused.
    expect(outcomes.loaded).toBeGreaterThan(WORLD_CASES / 10);
    expect(outcomes.refused).toBeGreaterThan(WORLD_CASES / 10);
  }, 20_000);

  it('loads a world whose files all end their lines with a lone CR exactly as with LF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-cr-'));
    try {
      for (const [name, bytes] of ORIGINAL) writeFileSync(join(dir, name), bytes.toString('utf8').replace(/\r?\n/g, '\r'));
      expect(await loadWorldFolder(dir)).toEqual(await loadWorldFolder(BASIC));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`parses ${ZONE_CASES} mutated zone files in memory: never throws, every error on a line of the file`, () => {
    const zones = [...ORIGINAL].filter(([name]) => name.endsWith('.zone'));
    const failures: string[] = [];
    for (let index = 0; index < ZONE_CASES; index++) {
      const draw = new Draw(hashSeed(SEED, 'zone', index));
      const [name, original] = draw.pick(zones);
      let bytes = original;
      const done: string[] = [];
      for (let step = 0, steps = 1 + draw.below(4); step < steps; step++) {
        const mutation = draw.pick(MUTATIONS);
        bytes = mutation.apply(bytes, draw);
        done.push(mutation.name);
      }
      try {
        const { errors } = parseZoneFile(bytes.toString('utf8'), { file: name, origin: name.replace(/\.?zone$/, '') });
        const lines = lineCount(bytes);
        const bad = errors.find((error) => error.file !== name || error.line < 1 || error.line > lines || error.message === '');
        if (bad) failures.push(`case ${index} (${name}: ${done.join(', ')}): error at ${bad.file}:${bad.line} of ${lines} lines: ${bad.message}`);
      } catch (error) {
        failures.push(`case ${index} (${name}: ${done.join(', ')}): threw ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
