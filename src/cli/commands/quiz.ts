import { describeDue } from '../../core/quiz/days.js';
import type { CliContext } from '../context.js';
import { commandClock, sessionSeed } from '../quiz/clock.js';
import { jsonReporter } from '../quiz/json-reporter.js';
import { runPlainQuiz } from '../quiz/plain-runner.js';
import { parseQuizFlags, type QuizFlags } from '../quiz/quiz-flags.js';
import { prepareQuiz, type PreparedQuiz } from '../quiz/setup.js';
import { textReporter } from '../quiz/text-reporter.js';

/** `swelearn quiz`: a timed session of due and new items; the Ink screen in a terminal, plain lines otherwise. */
export async function runQuiz(argv: string[], ctx: CliContext): Promise<number> {
  const flags = parseQuizFlags(argv);
  const now = commandClock(ctx);
  const prepared = await prepareQuiz(ctx, flags, now(), sessionSeed(ctx));
  try {
    if (prepared.setup.questions.length === 0) {
      reportNothingToDo(ctx, prepared, flags, now());
      return 0;
    }
    if (ctx.stdinIsTTY && ctx.stdoutIsTTY && !flags.json) {
      const { runInkQuiz } = await import('../quiz/ink-runner.js');
      return await runInkQuiz(ctx, prepared, now);
    }
    const reporter = flags.json ? jsonReporter(ctx) : textReporter(ctx);
    await runPlainQuiz(ctx, prepared, reporter, now, { pauseAfterTimeout: ctx.stdinIsTTY && !flags.json, echo: !ctx.stdinIsTTY, text: !flags.json });
    return 0;
  } finally {
    prepared.progress.writer?.close();
  }
}

function reportNothingToDo(ctx: CliContext, prepared: PreparedQuiz, flags: QuizFlags, nowMs: number): void {
  const { selection, newPerDay } = prepared;
  if (flags.json) {
    ctx.out(`${JSON.stringify({ event: 'nothing-to-do', nextDue: selection.nextDueAt === undefined ? null : new Date(selection.nextDueAt).toISOString(), newWaiting: selection.newWaiting, newPerDay })}\n`);
    return;
  }
  const lines = [flags.due ? 'Nothing is due now.' : 'Nothing to study now: no item is due and no new item is left for today.'];
  if (selection.nextDueAt !== undefined) lines.push(`The next item is due ${describeDue(selection.nextDueAt, nowMs)}.`);
  if (selection.newWaiting > 0) {
    lines.push(
      flags.due
        ? `${selection.newWaiting} new item${selection.newWaiting === 1 ? ' is' : 's are'} waiting: run swelearn quiz without --due.`
        : `${selection.newWaiting} new item${selection.newWaiting === 1 ? ' waits' : 's wait'}: today's limit of ${newPerDay} new items is used (SWELEARN_NEW_PER_DAY changes it).`,
    );
  }
  lines.push('To practise anyway without changing the schedule: swelearn quiz --cram');
  ctx.out(`${lines.join('\n')}\n`);
}
