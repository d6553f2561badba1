import { canClaim, type GradedAnswer } from '../../core/quiz/session/session.js';
import type { Question } from '../../core/quiz/types.js';
import type { CliContext } from '../context.js';
import type { EditReport } from './item-commands.js';
import type { QuizReporter } from './reporter.js';

/** The --json reporter: one JSON object per line, each with an "event" field, so a script can drive the quiz. */
export function jsonReporter(ctx: CliContext): QuizReporter {
  const emit = (event: string, data: object) => ctx.out(`${JSON.stringify({ event, ...data })}\n`);
  return {
    start(prepared, state) {
      emit('start', {
        session: prepared.setup.sessionId, items: prepared.setup.questions.length, due: prepared.selection.dueCount, new: prepared.selection.newCount,
        cram: prepared.setup.cram, saving: Boolean(prepared.progress.writer), log: prepared.progress.logPath,
        sessionDeadline: state.sessionDeadlineAt === undefined ? null : new Date(state.sessionDeadlineAt).toISOString(),
      });
    },
    item(state, question, source) {
      emit('item', {
        position: state.index + 1, total: state.queue.length, retry: state.queue[state.index]!.retry, replay: state.queue[state.index]!.replay ?? false, ...describeQuestion(question),
        deadline: new Date(state.itemDeadlineAt).toISOString(), source: source ?? null,
      });
    },
    askPrompt() {},
    revealed(question) {
      emit('revealed', { item: question.item.id, answer: question.answer });
    },
    gradePrompt() {},
    invalidInput(expected) {
      emit('invalid-input', { expected });
    },
    answered(answer) {
      if (answer.timedOut) emit('timed-out', timeoutData(answer));
      else emit('answer', answerData(answer));
    },
    undone(answer, saved) {
      emit('undo', { undoes: answer.entry.id, item: answer.question.item.id, saved });
    },
    nothingToUndo() {
      emit('invalid-input', { expected: 'an answer (nothing to undo yet)' });
    },
    claimed(answer) {
      emit('claim', { ...answerData(answer), overrides: answer.claimed?.entry.id ?? null });
    },
    nothingToClaim() {
      emit('invalid-input', { expected: 'an answer (:r claims only a rejected typed answer, right after it)' });
    },
    held(held) {
      emit(held.entry.type === 'suspend' ? 'suspended' : 'buried', { entry: held.entry.id, item: held.entry.item, saved: held.saved === 'saved', undo: ':u' });
    },
    holdUndone(held, saved) {
      emit('undo', { undoes: held.entry.id, item: held.entry.item, saved, unheld: held.entry.type });
    },
    edit(report) {
      if (report.kind === 'no-card') emit('edit', { item: report.itemId, source: null });
      else emit('edit', { source: { path: report.source.path, line: report.source.line }, editable: report.source.editable, ...editData(report) });
    },
    timeUpPause() {},
    summary(summary) {
      emit('summary', {
        ...summary,
        items: summary.items.map((item) => ({ ...item, nextDueAt: item.nextDueAt === undefined ? null : new Date(item.nextDueAt).toISOString() })),
      });
    },
  };
}

function editData(report: Exclude<EditReport, { kind: 'no-card' }>) {
  if (report.kind === 'bundled') return { advice: report.advice };
  if (report.kind === 'hint') return { command: report.command, opened: false };
  return { command: report.command, opened: true, changed: report.changed, ...(report.failed ? { failed: report.failed } : {}) };
}

function describeQuestion(question: Question) {
  const item = question.item;
  return {
    item: item.id, card: item.cardId, section: item.source.sectionName, line: item.source.line, mode: question.mode, prompt: question.prompt,
    ...(question.choices ? { choices: question.choices } : {}), timeLimitMs: question.timeLimitMs,
  };
}

function answerData(answer: GradedAnswer) {
  return {
    entry: answer.entry.id, item: answer.question.item.id, mode: answer.question.mode, verdict: answer.verdict, grade: answer.grade ?? null, correct: answer.correct,
    timedOut: answer.timedOut, elapsedMs: answer.elapsedMs, answer: answer.question.answer, given: answer.entry.type === 'review' ? answer.entry.given ?? null : null,
    nextDue: answer.nextDueAt === undefined ? null : new Date(answer.nextDueAt).toISOString(), retryQueued: answer.queuedRetry, saved: answer.saved === 'saved',
    ...(answer.entry.type === 'review' && !answer.correct ? { claimable: canClaim(answer) } : {}),
  };
}

// Time ran out: nothing was graded, and the item comes back at the end (once).
function timeoutData(answer: GradedAnswer) {
  return { entry: answer.entry.id, item: answer.question.item.id, mode: answer.question.mode, elapsedMs: answer.elapsedMs, answer: answer.question.answer, askedAgain: answer.queuedRetry, saved: answer.saved === 'saved' };
}
