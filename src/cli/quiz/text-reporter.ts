import { formatSpan } from '../../core/quiz/progress/durations.js';
import { canClaim, type GradedAnswer } from '../../core/quiz/session/session.js';
import type { Question } from '../../core/quiz/types.js';
import { verdictParts } from '../../core/quiz/session/verdict.js';
import type { CliContext } from '../context.js';
import { textLayout, type Layout } from '../format/layout.js';
import { plainGlyphs, type PlainGlyphs } from './ascii.js';
import { paint } from './paint.js';
import type { EditReport } from './item-commands.js';
import type { QuizReporter } from './reporter.js';
import { summaryText } from './summary-text.js';

const GRADES = ['1 Again', '2 Hard', '3 Good', '4 Easy'];

const MODE_HINTS: Record<Question['mode'], string> = {
  flashcard: 'Enter to reveal, or grade at once with 1-4',
  cloze: 'type the missing term',
  choice: 'a letter or the answer',
  predict: 'a letter or the answer',
};

/** The plain text reporter: prompts, verdicts and the summary as lines a person or a script can read; ASCII only under SWELEARN_ASCII. */
export function textReporter(ctx: CliContext, { width, cut }: Layout = textLayout(ctx, undefined, 100)): QuizReporter {
  const { one, block } = paint(ctx.color);
  const glyphs = plainGlyphs(ctx.environment.ascii);
  const dot = ` ${glyphs.separator} `;
  const out = (text: string) => ctx.out(text);
  return {
    start(prepared, state) {
      const { selection, setup } = prepared;
      const parts = [`${setup.questions.length} item${setup.questions.length === 1 ? '' : 's'}`];
      if (!setup.cram) parts.push(`${selection.dueCount} due, ${selection.newCount} new`);
      else parts.push('cram: practice only, the schedule is not changed');
      if (state.sessionDeadlineAt !== undefined) parts.push(`${formatSpan(state.sessionDeadlineAt - state.startedAt)} in all`);
      out(`${one('Quiz', { bold: true })}: ${parts.join(dot)}\n`);
      out(one(`Answers: type and press Enter. Flashcards: Enter reveals, then ${GRADES.join(dot)}. :u undoes the last answer, :r counts a rejected answer right ("I was right"), :s suspends the item, :b buries it until tomorrow, :e edits its card, :q stops.\n`, { dim: true }));
      out(one(prepared.progress.writer ? `Saving to ${prepared.progress.logPath}\n` : 'Answers are NOT saved this time (see the warning above).\n', { dim: true }));
    },
    item(state, question, source) {
      const slot = state.queue[state.index]!;
      const where = `${question.item.cardTitle.split(/:\s/)[0]} ${glyphs.pointer} ${question.item.source.sectionName}${source ? `${dot}${source.path}:${source.line}` : ''}`;
      const position = slot.retry || slot.replay ? 'again' : `${state.index + 1}/${state.queue.length}`;
      out(`\n${one(`[${position}]`, { bold: true })} ${one(question.mode, { colour: 'cyan' })} ${one(`${glyphs.separator} ${where}`, { dim: true })}\n`);
      out(`${block([{ text: question.prompt }], width)}\n`);
      if (question.choices) question.choices.forEach((choice, index) => out(`${block([{ text: `${String.fromCharCode(97 + index)}) `, style: { bold: true } }, { text: choice }], width, 4)}\n`));
    },
    askPrompt(question, remainingMs) {
      out(one(`${question.mode === 'flashcard' ? 'reveal' : 'answer'} (${MODE_HINTS[question.mode]}; ${formatSpan(remainingMs)})> `, { dim: true }));
    },
    revealed(question) {
      out(`${block([{ text: `${glyphs.reveal} `, style: { colour: 'cyan' } }, { text: question.answer }], width)}\n`);
    },
    gradePrompt() {
      out(one(`grade ${GRADES.join(dot)} (u undoes the last)> `, { dim: true }));
    },
    invalidInput(expected) {
      out(`${one(`type ${expected}`, { colour: 'yellow' })}\n`);
    },
    answered(answer, nowMs) {
      out(`${verdictLine(answer, nowMs, one, glyphs)}\n`);
      if (canClaim(answer)) out(one('(were you right? type :r to count it as right)\n', { dim: true }));
      if (answer.question.mode === 'flashcard' && answer.timedOut) out(`${block([{ text: `${glyphs.reveal} `, style: { colour: 'cyan' } }, { text: answer.question.answer }], width)}\n`);
      // A predicted step is always played, right or wrong; a point is shown again only when it was missed.
      if (answer.question.mode === 'predict' || (answer.question.mode !== 'flashcard' && (!answer.correct || answer.verdict === 'close'))) {
        out(`${block([{ text: answer.question.mode === 'predict' ? answer.question.item.predict?.reveal ?? answer.question.item.back : answer.question.item.back, style: { dim: true } }], width, 4)}\n`);
      }
    },
    undone(answer, saved) {
      out(`${one(glyphs.undone, { colour: 'yellow' })}: your answer to "${short(answer.question.prompt, glyphs.ellipsis)}" is taken back${saved ? '' : ' (in this session only: the log could not be written)'}; asking it again\n`);
    },
    nothingToUndo() {
      out(`${one('nothing to undo yet', { colour: 'yellow' })}\n`);
    },
    claimed(answer, nowMs) {
      out(`${verdictLine(answer, nowMs, one, glyphs)}\n`);
    },
    nothingToClaim() {
      out(`${one(':r counts the last answer right only when it was a typed answer the check rejected', { colour: 'yellow' })}\n`);
    },
    held(held) {
      const what = held.entry.type === 'suspend' ? `not asked again until swelearn quiz --unsuspend ${held.entry.item}` : 'not asked again today';
      out(`${one(held.entry.type === 'suspend' ? 'suspended' : 'buried', { colour: 'yellow' })} ${held.entry.item}: ${what}; :u takes it back${held.saved === 'saved' ? '' : ' (in this session only: the log could not be written)'}\n`);
    },
    holdUndone(held, saved) {
      out(`${one(glyphs.undone, { colour: 'yellow' })}: ${held.entry.item} is ${held.entry.type === 'suspend' ? 'no longer suspended' : 'no longer buried'}${saved ? '' : ' (in this session only: the log could not be written)'}; asking it again\n`);
    },
    edit(report) {
      out(`${editText(report)}\n`);
    },
    timeUpPause() {
      out(one('(press Enter for the next item)\n', { dim: true }));
    },
    summary(summary, prepared) {
      out(summaryText(summary, prepared, { colour: ctx.color, width, cut, ascii: glyphs.ascii }));
    },
  };
}

// What `:e` tells the learner: where the item is written, and how to change it.
function editText(report: EditReport): string {
  if (report.kind === 'no-card') return `the card of ${report.itemId} is not loaded: nothing to edit`;
  if (report.kind === 'bundled') return report.advice;
  const where = `${report.source.path}:${report.source.line}`;
  if (report.kind === 'hint') return `edit ${where}\n  ${report.command}`;
  if (report.failed) return `could not edit ${where}: ${report.failed}`;
  if (!report.changed) return `${where} is unchanged`;
  return `${where} changed; the edit is used from the next session (an item whose text changed a little keeps its history)`;
}

/** One line per answer: the verdict, the grade, the next due date, and whether it reached the disk. */
export function verdictLine(answer: GradedAnswer, nowMs: number, one: ReturnType<typeof paint>['one'], glyphs: PlainGlyphs = plainGlyphs(false)): string {
  const parts = verdictParts(answer, nowMs, { ascii: glyphs.ascii });
  const colour = parts.tone === 'right' ? 'green' : 'red';
  const head = one(parts.headline, { colour, bold: true }) + (parts.detail ? `: ${parts.detail}` : '');
  const saved = parts.saved === 'saved' ? 'saved' : one('NOT saved', { colour: 'yellow', bold: true });
  return [head, ...parts.facts, saved].join(` ${glyphs.separator} `);
}

function short(text: string, ellipsis: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - ellipsis.length)}${ellipsis}` : text;
}
