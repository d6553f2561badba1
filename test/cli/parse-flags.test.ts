import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/app/errors.js';
import { parseCommand } from '../../src/cli/parse-flags.js';
import type { CommandSpec } from '../../src/cli/table/command-spec.js';

const SPEC = {
  name: 'demo',
  summary: 'a command for the parser',
  flags: [
    { name: 'limit', value: 'N', range: [1, 100], description: 'at most N' },
    { name: 'mode', value: 'MODE', choices: ['fast', 'slow'], description: 'how' },
    { name: 'dir', value: 'DIR', repeatable: true, description: 'a folder' },
    { name: 'colour', aliases: ['color'], description: 'in colour' },
    { name: 'json', description: 'JSON' },
  ],
  examples: [],
} as const satisfies CommandSpec;

const error = (argv: string[]) => {
  try {
    parseCommand(SPEC, argv);
  } catch (caught) {
    if (UsageError.is(caught)) return caught;
    throw caught;
  }
  throw new Error('no usage error');
};

describe('parsing a command line against its row of the table', () => {
  it('reads switches, values, whole numbers, choices, repeated values and aliases', () => {
    const args = parseCommand(SPEC, ['word', '--limit', '7', '--mode=slow', '--dir', 'a', '--dir', 'b', '--color', 'more']);
    expect(args.positionals).toEqual(['word', 'more']);
    expect(args.integer('limit')).toBe(7);
    expect(args.choice('mode')).toBe('slow');
    expect(args.texts('dir')).toEqual(['a', 'b']);
    expect(args.has('colour')).toBe(true);
    expect(args.has('json')).toBe(false);
    expect(args.text('mode')).toBe('slow');
  });

  it.each([
    [['--limit', '0'], '--limit takes a whole number from 1 to 100, got "0"'],
    [['--limit', '101'], '--limit takes a whole number from 1 to 100, got "101"'],
    [['--limit', '-3'], '--limit takes a whole number from 1 to 100, got "-3"'],
    [['--limit', '2.5'], '--limit takes a whole number from 1 to 100, got "2.5"'],
    [['--mode', 'fats'], '--mode must be one of fast, slow, got "fats" (did you mean fast?)'],
    [['--limt', '3'], 'unknown option --limt (did you mean --limit?)'],
    [['--jsno'], 'unknown option --jsno (did you mean --json?)'],
    [['--no-colr'], 'unknown option --no-colr (did you mean --no-color?)'],
    [['--zzz'], 'unknown option --zzz'],
    [['--limit'], 'option --limit needs a value'],
    [['--json=yes'], 'option --json does not take a value'],
  ])('rejects %j: %s', (argv, message) => {
    const thrown = error(argv);
    expect(thrown.message).toBe(message);
    expect(thrown.usage).toBe('usage: swelearn demo [--limit N] [--mode fast|slow] [--dir DIR] [--colour] [--json]');
  });

  it('never echoes a control character from the command line', () => {
    expect(error(['--mode', 'f\u001b[2Jast']).message).toBe('--mode must be one of fast, slow, got "f[2Jast"');
    expect(error(['--\u001b]0;x\u0007']).message).not.toMatch(/[\u0000-\u001f]/);
  });
});
