import { prepareQuiz, type PreparedQuiz } from '../../app/study/prepare-quiz.js';
import type { QuizRequest } from '../../app/study/quiz-request.js';
import { quizLaunch } from '../../app/study/study-port.js';
import { describeDue } from '../../core/quiz/progress/days.js';
import type { SessionSummary } from '../../core/quiz/session/summary.js';
import { loadAppEntry, type AppEntry } from '../app-door.js';
import type { CliContext } from '../context.js';
import { textLayout } from '../format/layout.js';
import { settingHint } from '../format/setting-hint.js';
import { parseQuizFlags } from '../quiz/quiz-flags.js';
import { summaryText } from '../quiz/summary-text.js';
import { studyContext } from '../study-context.js';
import { holdCacheWrites } from '../../io/cache-space.js';

/**
 * `swelearn quiz`: a timed session of due and new items (or one item, --item); the app's quiz screen in a terminal, plain lines otherwise; --list prints the items instead.
 * Each way's own code (the plain loop and its reporters, the listings, the held items with the statistics they read) loads
 * only for it: `swelearn quiz` in a terminal runs from the app's scripts, where that code came before the first frame.
 */
export async function runQuiz(argv: string[], ctx: CliContext): Promise<number> {
  const { request, json, list, suspended, itemAction, width: askedWidth } = parseQuizFlags(argv, () => ctx.environment.settings().count.value);
  if (suspended) return (await import('../quiz/beside-app.js')).listHeldItems(ctx, json);
  if (itemAction) return (await import('../quiz/beside-app.js')).actOnItem(ctx, itemAction.action, itemAction.id, json);
  const layout = textLayout(ctx, askedWidth, 100);
  if (list) {
    const { listQuizItems, itemListJson, itemListTable } = await import('../quiz/beside-app.js');
    const items = await listQuizItems(studyContext(ctx), request, ctx.environment.sessionSeed());
    ctx.out(json ? itemListJson(items) : itemListTable(items, layout, ctx.environment.ascii));
    return 0;
  }
  const clock = ctx.environment.clock();
  // In a terminal the app's code loads while the session is prepared.
  const app = ctx.stdinIsTTY && ctx.stdoutIsTTY && !json ? loadAppEntry().then((entry) => (entry.preloadApp('quiz'), entry)) : undefined;
  app?.catch(() => undefined);
  // Opening the app, the caches preparing the session writes (a review snapshot after the log grew, clearing stale
  // temporary files) are written once the first frame is out, as the app's own are (openApp releases them then).
  const releaseCacheWrites = app ? holdCacheWrites() : undefined;
  let prepared: PreparedQuiz | undefined;
  try {
    prepared = await prepareQuiz(studyContext(ctx), request, clock.now(), ctx.environment.sessionSeed());
    if (prepared.setup.questions.length === 0) {
      reportNothingToDo(ctx, prepared, request, json, clock.now());
      return 0;
    }
    if (app) return await runInApp(ctx, await app, prepared, request, clock.offsetMs, layout.width);
    const { runPlainQuiz, jsonReporter, textReporter } = await import('../quiz/beside-app.js');
    const reporter = json ? jsonReporter(ctx) : textReporter(ctx, layout);
    await runPlainQuiz(ctx, prepared, reporter, clock.now, { pauseAfterTimeout: ctx.stdinIsTTY && !json, echo: !ctx.stdinIsTTY, text: !json, env: process.env });
    return 0;
  } finally {
    releaseCacheWrites?.();
    prepared?.progress.writer?.close();
  }
}

// The app opened at the quiz; leaving it leaves the app, and the summary stays in the terminal's scrollback.
async function runInApp(ctx: CliContext, app: AppEntry, prepared: PreparedQuiz, request: QuizRequest, clockOffsetMs: number, width: number): Promise<number> {
  let summary: SessionSummary | undefined;
  const launch = quizLaunch(prepared, clockOffsetMs, (finished) => (summary = finished));
  const code = await app.openApp(ctx, { at: 'quiz', request, launch });
  if (summary) ctx.out(summaryText(summary, prepared, { colour: ctx.color, width, ascii: ctx.environment.ascii }));
  else if (code !== 0) ctx.err(`swelearn: quiz interrupted; every answer shown as saved is in ${prepared.progress.logPath}\n`);
  return code;
}

function reportNothingToDo(ctx: CliContext, prepared: PreparedQuiz, request: QuizRequest, json: boolean, nowMs: number): void {
  const { selection, newPerDay } = prepared;
  if (json) {
    ctx.out(`${JSON.stringify({ event: 'nothing-to-do', nextDue: selection.nextDueAt === undefined ? null : new Date(selection.nextDueAt).toISOString(), newWaiting: selection.newWaiting, newPerDay })}\n`);
    return;
  }
  const lines = [request.due ? 'Nothing is due now.' : 'Nothing to study now: no item is due and no new item is left for today.'];
  if (selection.nextDueAt !== undefined) lines.push(`The next item is due ${describeDue(selection.nextDueAt, nowMs)}.`);
  if (selection.newWaiting > 0) {
    lines.push(
      request.due
        ? `${selection.newWaiting} new item${selection.newWaiting === 1 ? ' is' : 's are'} waiting: run swelearn quiz without --due.`
        : `${selection.newWaiting} new item${selection.newWaiting === 1 ? ' waits' : 's wait'}: today's limit of ${newPerDay} new items is used (${settingHint(ctx.environment, 'newPerDay')}, changes it).`,
    );
  }
  lines.push('To practise anyway without changing the schedule: swelearn quiz --cram');
  ctx.out(`${lines.join('\n')}\n`);
}
