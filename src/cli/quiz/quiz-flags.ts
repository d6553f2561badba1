import { parseDurationMs } from '../../core/quiz/progress/durations.js';
import { UsageError } from '../../app/errors.js';
import { QUIZ_MODES, quizRequest, type QuizRequest } from '../../app/study/quiz-request.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags, positiveInteger } from '../parse-flags.js';
import { stripControl } from '../../core/text/sanitize.js';

/** What `swelearn quiz` was asked for: the quiz, and whether to speak JSON lines. */
export interface QuizFlags {
  request: QuizRequest;
  json: boolean;
}

/** Parses and checks the quiz flags; any mistake is a one-line usage error. */
export function parseQuizFlags(argv: string[]): QuizFlags {
  const usage = usageOf('quiz');
  const { values, positionals } = parseFlags(
    argv,
    {
      topic: { type: 'string' }, tag: { type: 'string' }, card: { type: 'string' }, mode: { type: 'string' }, count: { type: 'string' },
      time: { type: 'string' }, 'per-item': { type: 'string' }, due: { type: 'boolean' }, cram: { type: 'boolean' }, json: { type: 'boolean' },
    },
    usage,
  );
  if (positionals.length > 0) throw new UsageError(`quiz takes no arguments, got "${stripControl(positionals[0]!)}" (to pick a card use --card ID)`, usage);
  const count = positiveInteger(values.count, '--count', usage) ?? quizRequest().count;
  if (count > 1000) throw new UsageError(`--count takes at most 1000, got ${count}`, usage);
  const sessionMs = duration(values.time, '--time', 'm', [10_000, 8 * 3_600_000], usage);
  const perItemMs = duration(values['per-item'], '--per-item', 's', [3_000, 3_600_000], usage);
  const text = (value: string | undefined) => (value === undefined ? undefined : stripControl(value).trim() || undefined);
  const topic = text(values.topic);
  const tag = text(values.tag);
  const card = text(values.card);
  const request = quizRequest({
    count,
    due: Boolean(values.due),
    cram: Boolean(values.cram),
    ...(values.mode === undefined ? {} : { mode: oneOf(values.mode, QUIZ_MODES, '--mode', usage)! }),
    ...(topic ? { topic } : {}),
    ...(tag ? { tag } : {}),
    ...(card ? { card } : {}),
    ...(sessionMs === undefined ? {} : { sessionMs }),
    ...(perItemMs === undefined ? {} : { perItemMs }),
  });
  return { request, json: Boolean(values.json) };
}

function duration(value: string | undefined, flag: string, bareUnit: 's' | 'm', [min, max]: [number, number], usage: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDurationMs(value, bareUnit);
  const example = bareUnit === 'm' ? '5m or 90s' : '30s or 1m';
  if (ms === undefined) throw new UsageError(`${flag} takes a duration like ${example}, got "${stripControl(value)}"`, usage);
  if (ms < min || ms > max) throw new UsageError(`${flag} must be between ${min / 1000} s and ${max / 60_000} min, got "${stripControl(value)}"`, usage);
  return ms;
}
