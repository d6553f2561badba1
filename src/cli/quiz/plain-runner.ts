import { canClaim, claimAnswer, currentQuestion, continueSession, gradeFlashcard, quitSession, revealAnswer, startSession, submitAnswer, tick, undoLast, type SessionState } from '../../core/quiz/session/session.js';
import { summariseSession, type SessionSummary } from '../../core/quiz/session/summary.js';
import type { Grade, Question } from '../../core/quiz/types.js';
import type { CliContext } from '../context.js';
import { createLineReader, TIMED_OUT } from './line-reader.js';
import { persistTransition as persist, type RecordEntries } from '../../core/quiz/session/record.js';
import { makeRecorder } from '../../app/study/recorder.js';
import type { QuizReporter } from './reporter.js';
import type { PreparedQuiz } from '../../app/study/prepare-quiz.js';
import { itemCommand } from './item-commands.js';
import { itemSource } from '../../app/study/item-source.js';

const QUIT = /^\s*:(q|quit)\s*$/i;
const UNDO = /^\s*:(u|undo)\s*$/i;
const CLAIM = /^\s*:(r|right)\s*$/i;

/**
 * Runs a session over stdin and stdout, one line per answer; each answer is on disk before its verdict is printed.
 * `:s`, `:b` and `:e` suspend, bury or edit the item on screen; `env` gives the editor ($EDITOR, $VISUAL).
 */
export async function runPlainQuiz(ctx: CliContext, prepared: PreparedQuiz, reporter: QuizReporter, now: () => number, options: { pauseAfterTimeout: boolean; echo: boolean; text: boolean; env?: NodeJS.ProcessEnv }): Promise<SessionSummary> {
  const record = makeRecorder(prepared.progress.writer, prepared.progress.notSavingBecause);
  // Without a writer the learner was already warned once at the start.
  let warned = !prepared.progress.writer;
  const onFailure = (reason: string) => {
    if (warned) return;
    warned = true;
    ctx.err(`swelearn: warning: an answer could not be saved: ${reason}\n`);
  };
  const reader = createLineReader(ctx.stdin);
  let state = startSession(prepared.setup, now());
  reporter.start(prepared, state);
  let shown = '';
  const sourceOf = (question: Question) => {
    const source = itemSource(prepared.cards, question.item);
    return source && { path: source.path, line: source.line };
  };
  const showVerdict = (before: SessionState) => {
    if (state.answers.length > before.answers.length && state.last) reporter.answered(state.last, now());
  };
  try {
    while (state.phase !== 'finished') {
      const question = currentQuestion(state)!;
      const key = `${state.index}:${state.entryCount}`;
      if (state.phase === 'asking' && shown !== key) {
        reporter.item(state, question, sourceOf(question));
        shown = key;
      }
      if (state.phase === 'feedback') {
        state = continueSession(state, now());
        continue;
      }
      const limitAt = state.phase === 'asking' ? Math.min(state.itemDeadlineAt, state.sessionDeadlineAt ?? Infinity) : state.sessionDeadlineAt ?? Infinity;
      if (state.phase === 'asking') reporter.askPrompt(question, state.itemDeadlineAt - now());
      else reporter.gradePrompt();
      const line = await reader.next(Number.isFinite(limitAt) ? limitAt - now() : undefined);
      // A piped answer is not echoed by a terminal: print it, so the transcript reads like a session.
      if (options.text && (line === undefined || line === TIMED_OUT || options.echo)) ctx.out(typeof line === 'string' ? `${line}\n` : '\n');
      if (line === undefined) {
        state = quitSession(state, now());
        break;
      }
      // The clock first: an answer that arrives after the deadline is too late.
      const before = state;
      state = persist(tick(state, now()), record, onFailure);
      if (state.answers.length > before.answers.length) {
        showVerdict(before);
        if (state.phase === 'feedback' && options.pauseAfterTimeout) {
          reporter.timeUpPause();
          if ((await reader.next(state.sessionDeadlineAt === undefined ? undefined : state.sessionDeadlineAt - now())) === undefined) state = quitSession(state, now());
        }
        continue;
      }
      if (line === TIMED_OUT) continue;
      if (QUIT.test(line) || (state.phase === 'revealed' && /^\s*q\s*$/i.test(line))) {
        state = quitSession(state, now());
        break;
      }
      if (UNDO.test(line) || (state.phase === 'revealed' && /^\s*u\s*$/i.test(line))) {
        const undone = state.answers.at(-1);
        if (!undone && state.holds.length === 0) {
          reporter.nothingToUndo();
          continue;
        }
        const transition = undoLast(state, now());
        const result = record(transition.entries);
        if (!result.ok) onFailure(result.reason);
        const heldBack = transition.state.lastHold?.undone && transition.state.holds.length < state.holds.length ? transition.state.lastHold.held : undefined;
        state = transition.state;
        if (heldBack) reporter.holdUndone(heldBack, result.ok);
        else reporter.undone(undone!, result.ok);
        shown = '';
        if (state.phase === 'revealed') {
          reporter.item(state, currentQuestion(state)!, sourceOf(currentQuestion(state)!));
          reporter.revealed(currentQuestion(state)!);
        }
        continue;
      }
      if (CLAIM.test(line)) {
        if (!canClaim(state.answers.at(-1))) {
          reporter.nothingToClaim();
          continue;
        }
        state = persist(claimAnswer(state, now()), record, onFailure);
        reporter.claimed(state.answers.at(-1)!, now());
        continue;
      }
      const commanded = itemCommand(line, state, { ctx, prepared, record, onFailure, reporter, now, env: options.env ?? {} });
      if (commanded) {
        state = commanded;
        continue;
      }
      state = handleAnswer(state, line.trim(), now, record, onFailure, reporter);
      showVerdict(before);
    }
  } finally {
    reader.close();
  }
  const summary = summariseSession(state, now());
  reporter.summary(summary, prepared);
  return summary;
}

function handleAnswer(state: SessionState, line: string, now: () => number, record: RecordEntries, onFailure: (reason: string) => void, reporter: QuizReporter): SessionState {
  const question = currentQuestion(state)!;
  const grade = /^[1-4]$/.test(line) ? (Number(line) as Grade) : undefined;
  if (question.mode !== 'flashcard') return persist(submitAnswer(state, line, now()), record, onFailure);
  if (grade !== undefined) {
    if (state.phase === 'asking') reporter.revealed(question);
    return persist(gradeFlashcard(state, grade, now()), record, onFailure);
  }
  if (state.phase === 'asking') {
    reporter.revealed(question);
    return revealAnswer(state, now());
  }
  reporter.invalidInput('1, 2, 3 or 4 (u undoes, q stops)');
  return state;
}
