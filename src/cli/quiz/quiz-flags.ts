import { parseDurationMs } from '../../core/quiz/progress/durations.js';
import { UsageError } from '../../app/errors.js';
import { quizRequest, type QuizRequest } from '../../app/study/quiz-request.js';
import { parseCommand } from '../parse-flags.js';
import type { FlagName } from '../table/command-spec.js';
import { QUIZ } from '../table/study-commands.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { ItemAction } from '../../core/quiz/progress/log-entry.js';

/** What `swelearn quiz` was asked for: the quiz (or a listing of its items), whether to speak JSON lines, and the width asked for. */
export interface QuizFlags {
  request: QuizRequest;
  json: boolean;
  /** Print the items instead of asking them. */
  list: boolean;
  width?: number;
  /** `--suspended`: list the held items instead of asking. */
  suspended: boolean;
  /** `--suspend`, `--unsuspend` or `--bury ID`: act on one item instead of asking. */
  itemAction?: { action: ItemAction; id: string };
}

// Flags that shape a session, which --list and --item have no use for.
const NOT_WITH_LIST = ['count', 'time', 'per-item', 'due', 'cram'] as const;
const NOT_WITH_ITEM = ['card', 'topic', 'tag', 'count', 'due'] as const;
// Listing or changing what is held back is not a session: only --json goes with them.
const NOT_WITH_HOLDS = ['card', 'topic', 'tag', 'count', 'time', 'per-item', 'due', 'cram', 'mode', 'item', 'list', 'suspended', 'unsuspend', 'suspend', 'bury'] as const;
const ITEM_ACTIONS = ['unsuspend', 'suspend', 'bury'] as const;

/** Parses and checks the quiz flags; any mistake is a one-line usage error. `defaultCount` gives the count when --count is not given. */
export function parseQuizFlags(argv: string[], defaultCount = () => quizRequest().count): QuizFlags {
  const args = parseCommand(QUIZ, argv);
  const { usage } = args;
  if (args.positionals.length > 0) throw new UsageError(`quiz takes no arguments, got "${stripControl(args.positionals[0]!)}" (to pick a card use --card ID)`, usage);
  const sessionMs = duration(args.text('time'), '--time', 'm', [10_000, 8 * 3_600_000], usage);
  const perItemMs = duration(args.text('per-item'), '--per-item', 's', [3_000, 3_600_000], usage);
  const text = (value: string | undefined) => (value === undefined ? undefined : stripControl(value).trim() || undefined);
  const topic = text(args.text('topic'));
  const tag = text(args.text('tag'));
  const card = text(args.text('card'));
  const mode = args.choice('mode');
  const width = args.integer('width');
  const item = text(args.text('item'));
  const list = args.has('list');
  const clash = (flag: string, others: readonly FlagName<typeof QUIZ>[]) => {
    const other = others.find((name) => args.has(name) || args.text(name) !== undefined);
    if (other) throw new UsageError(`${flag} does not go with --${other}`, usage);
  };
  const suspended = args.has('suspended');
  const actions = ITEM_ACTIONS.flatMap((action) => {
    const id = text(args.text(action));
    return id === undefined ? [] : [{ action, id }];
  });
  const itemAction = actions[0];
  const holdFlag = suspended ? 'suspended' : itemAction?.action;
  if (holdFlag) clash(`--${holdFlag}`, NOT_WITH_HOLDS.filter((name) => name !== holdFlag));
  if (list) clash('--list', NOT_WITH_LIST);
  if (item !== undefined) clash('--item', NOT_WITH_ITEM);
  const request = quizRequest({
    count: args.integer('count') ?? defaultCount(),
    due: args.has('due'),
    cram: args.has('cram'),
    ...(mode === undefined ? {} : { mode }),
    ...(topic ? { topic } : {}),
    ...(tag ? { tag } : {}),
    ...(card ? { card } : {}),
    ...(item ? { item } : {}),
    ...(sessionMs === undefined ? {} : { sessionMs }),
    ...(perItemMs === undefined ? {} : { perItemMs }),
  });
  return { request, json: args.has('json'), list, suspended, ...(itemAction ? { itemAction } : {}), ...(width === undefined ? {} : { width }) };
}

function duration(value: string | undefined, flag: string, bareUnit: 's' | 'm', [min, max]: [number, number], usage: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDurationMs(value, bareUnit);
  const example = bareUnit === 'm' ? '5m or 90s' : '30s or 1m';
  if (ms === undefined) throw new UsageError(`${flag} takes a duration like ${example}, got "${stripControl(value)}"`, usage);
  if (ms < min || ms > max) throw new UsageError(`${flag} must be between ${min / 1000} s and ${max / 60_000} min, got "${stripControl(value)}"`, usage);
  return ms;
}
