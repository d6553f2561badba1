import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../src/cli/table/command-table.js';
import type { CommandSpec, FlagSpec } from '../../src/cli/table/command-spec.js';
import { BIN, freshHome, hasEscape, ROOT } from './run-cli.js';

// Every flag whose value is a number or a duration: those the parser checks (range) and those a command checks (accepts).
const NUMERIC_PLACEHOLDERS = new Set(['N', 'A', 'T', 'R', 'DURATION']);
const isNumeric = (flag: FlagSpec): boolean => flag.range !== undefined || NUMERIC_PLACEHOLDERS.has(flag.value ?? '');
const HUGE = `1${'0'.repeat(400)}`;

// What each command needs before the flag, so only the flag can be wrong.
const PREFIX: Record<string, string[]> = {
  list: ['list'], search: ['search', 'dns'], show: ['show', 'dnssec'], sim: ['sim', 'www.example.com'],
  'sim --workload': ['sim', '--workload', 'zipf'], quiz: ['quiz'], plan: ['plan'], stats: ['stats'],
};

// Flags a command checks itself: a value just below and just above the range, and the range as the message words it.
const CHECKED_BY_COMMAND: Record<string, { below: string; above: string; range: string }> = {
  'sim --after': { below: '-1s', above: '366d', range: '0s to 365d' },
  'sim --workload --queries': { below: '0', above: '100000001', range: '1 to 100,000,000' },
  'sim --workload --names': { below: '0', above: '1000001', range: '1 to 1,000,000' },
  'sim --workload --alpha': { below: '0', above: '10.5', range: 'above 0' },
  'sim --workload --ttl': { below: '0', above: '2147483648', range: '1 to 2147483647' },
  'sim --workload --qps': { below: '0', above: '10000001', range: 'above 0' },
  'sim --workload --seed': { below: '-1', above: '2147483648', range: '0 to 2,147,483,647' },
  'quiz --time': { below: '9s', above: '481m', range: 'between 10 s and 480 min' },
  'quiz --per-item': { below: '2s', above: '61m', range: 'between 3 s and 60 min' },
};

interface FlagCase { spec: CommandSpec; flag: FlagSpec; below: string; above: string; range: string }

const cases: FlagCase[] = COMMAND_TABLE.flatMap((spec) => spec.flags.filter(isNumeric).map((flag) => {
  if (flag.range) return { spec, flag, below: String(flag.range[0] - 1), above: String(flag.range[1] + 1), range: `${flag.range[0]} to ${flag.range[1]}` };
  const checked = CHECKED_BY_COMMAND[`${spec.name} --${flag.name}`];
  if (!checked) throw new Error(`${spec.name} --${flag.name} is a numeric flag with no range in this test: add one`);
  return { spec, flag, ...checked };
}));

const run = promisify(execFile);
async function runCli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', SWELEARN_HOME: freshHome() };
  delete env.FORCE_COLOR;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('every numeric flag has a documented range and exits 2 outside it (issue 19, defect 5)', () => {
  it('finds the numeric flags of every command in the table', () => {
    expect(cases.map((entry) => `${entry.spec.name} --${entry.flag.name}`)).toEqual(expect.arrayContaining(['sim --after', 'sim --repeat', 'sim --seed', 'sim --width', 'quiz --count', 'sim --workload --queries', 'sim --workload --alpha', 'sim --workload --ttl']));
  });

  it.each(cases)('$spec.name --$flag.name: below, above and a 401-digit value each exit 2 naming the flag, its range and the value', async ({ spec, flag, below, above, range }) => {
    const prefix = PREFIX[spec.name];
    if (!prefix) throw new Error(`no command line for ${spec.name}`);
    const runs = await Promise.all([below, above, HUGE].map(async (value) => ({ value, result: await runCli([...prefix, `--${flag.name}`, value]) })));
    for (const { value, result } of runs) {
      expect({ value, code: result.code }).toEqual({ value, code: 2 });
      const message = result.stderr.split('\n')[0]!;
      expect(message).toContain(`--${flag.name}`);
      expect(message).toContain(range);
      expect(message).toContain(`"${value}"`);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  // stripControl removes them; the shared sanitising function of issue 19 will show them instead (as ^[).
  it.each([{ args: ['sim', 'www.example.com', '--repeat'] }, { args: ['sim', 'www.example.com', '--after'] }, { args: ['quiz', '--count'] }])('$args shows a value with control characters without them', async ({ args }) => {
    const result = await runCli([...args, '7\u001b]52;c;aGk=\u0007\u001b[2J']);
    expect(result.code).toBe(2);
    expect(hasEscape(result.stderr)).toBe(false);
  });

  it.each(cases)('help and the man page show the range of $spec.name --$flag.name', async ({ spec, flag }) => {
    const shown = flag.range ? `${flag.range[0]} to ${flag.range[1]}` : flag.accepts!;
    const help = await runCli(['help', spec.name.split(' ')[0]!]);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(shown);
    const man = readFileSync(join(ROOT, 'man', 'swelearn.1'), 'utf8').replace(/\\-/g, '-').replace(/\s+/g, ' ');
    expect(man).toContain(shown.replace(/\s+/g, ' '));
  });
});
