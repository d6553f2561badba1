import { describe, expect, it } from 'vitest';
import { QUIZ_MODES } from '../../src/app/study/quiz-request.js';
import { flagDescription, flagLabel } from '../../src/cli/docs/flag-text.js';
import { QUERY_TYPES, RESOLVERS } from '../../src/cli/table/sim-commands.js';
import { QUIZ } from '../../src/cli/table/study-commands.js';
import { COMMAND_NAMES, GLOBAL_FLAGS, specsOf } from '../../src/cli/table/command-table.js';
import { PERSONALITIES } from '../../src/core/dns-sim/personalities/index.js';
import { SUPPORTED_TYPES } from '../../src/core/dns-sim/world/record-data.js';
import { expectNoCrashText, runCli } from './run-cli.js';

// Help wraps long lines; what it says is compared with runs of white space made one space.
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('help generated from the command table', () => {
  it.each(COMMAND_NAMES.map((name) => [name]))('swelearn help %s describes every flag of the command and gives examples', (name) => {
    const run = runCli(['help', name]);
    expect(run.code).toBe(0);
    const text = flat(run.stdout);
    for (const spec of specsOf(name)) {
      expect(text).toContain(flat(spec.summary));
      for (const flag of spec.flags) expect(text, `--${flag.name}`).toContain(flat(`${flagLabel(flag)} ${flagDescription(flag)}`));
      expect(spec.examples.length, `${spec.name} examples`).toBeGreaterThanOrEqual(1);
      for (const [command, what] of spec.examples) expect(text).toContain(flat(`${command} ${what}`));
    }
  });

  it('gives the same help for swelearn COMMAND --help and -h, anywhere on the line', () => {
    const help = runCli(['help', 'search']).stdout;
    for (const argv of [['search', '--help'], ['search', 'dns', '--limit', '3', '-h'], ['--help', 'search']]) expect(runCli(argv)).toMatchObject({ code: 0, stdout: help, stderr: '' });
  });

  it('lists every command and every global option with its description in swelearn help', () => {
    const text = flat(runCli(['help']).stdout);
    for (const name of COMMAND_NAMES) expect(text).toContain(`swelearn ${name}`);
    for (const flag of GLOBAL_FLAGS) expect(text).toContain(flat(`${flagLabel(flag)} ${flagDescription(flag)}`));
  });

  it.each(COMMAND_NAMES.filter((name) => name !== 'help').map((name) => [name]))('runs %s with flags parsed from its row of the table', (name) => {
    const run = runCli([name, '--zz-no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^swelearn: unknown option --zz-no-such-flag\nusage: swelearn /);
    expectNoCrashText(run);
  });

  it("keeps the table's lists equal to the simulator's and the quiz's own", () => {
    expect([...QUERY_TYPES].sort()).toEqual([...SUPPORTED_TYPES, 'A+AAAA'].sort());
    expect([...RESOLVERS].sort()).toEqual(PERSONALITIES.map((personality) => personality.id).sort());
    expect(QUIZ.flags.find((flag) => flag.name === 'mode')!.choices).toEqual(QUIZ_MODES);
  });
});
