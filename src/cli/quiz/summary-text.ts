import { formatSpan } from '../../core/quiz/progress/durations.js';
import { summaryNotes, type SessionSummary } from '../../core/quiz/session/summary.js';
import { fitText } from '../../ui/components/window.js';
import { fitColumn } from '../format/table-text.js';
import { plainGlyphs } from './ascii.js';
import { paint } from './paint.js';
import type { PreparedQuiz } from '../../app/study/prepare-quiz.js';

const ENDINGS = { completed: 'Session complete', 'time-up': 'Time is up', quit: 'Session ended' } as const;

/** The end-of-session report: score, time per item, weakest tags, and the sections to reread with the command that opens each; `ascii` keeps the marks ASCII, and `cut: false` (a pipe) keeps prompts whole. */
export function summaryText(summary: SessionSummary, prepared: PreparedQuiz, options: { colour: boolean; width: number; ascii?: boolean; cut?: boolean }): string {
  const { one } = paint(options.colour);
  const glyphs = plainGlyphs(options.ascii ?? false);
  const dot = ` ${glyphs.separator} `;
  const markWidth = Math.max(glyphs.right.length, glyphs.wrong.length, glyphs.timeUp.length);
  const lines: string[] = [''];
  const score = summary.asked === 0 ? 'nothing answered' : `${summary.correct}/${summary.asked} right (${summary.scorePercent}%)`;
  const notes = summaryNotes(summary).map((note) => `${dot}${note}`).join('');
  lines.push(`${one(ENDINGS[summary.endedBy], { bold: true })}: ${score}${notes}${dot}${formatSpan(summary.totalMs)}${dot}${formatSpan(summary.averageMs)} per item${summary.cram ? `${dot}cram (schedule unchanged)` : ''}`);
  if (summary.items.length > 0) {
    lines.push('');
    const promptWidth = Math.max(20, options.width - 24);
    for (const item of summary.items) {
      const mark = item.timedOut ? one(glyphs.timeUp.padEnd(markWidth), { dim: true }) : item.correct ? one(glyphs.right.padEnd(markWidth), { colour: 'green' }) : one(glyphs.wrong.padEnd(markWidth), { colour: 'red' });
      const time = item.timedOut ? 'time up' : formatSpan(item.elapsedMs);
      const prompt = options.cut === false ? item.prompt : glyphs.ascii ? fitText(item.prompt, promptWidth, glyphs.ellipsis) : fitColumn(item.prompt, promptWidth);
      lines.push(`  ${mark} ${time.padStart(7)}  ${fitColumn(item.mode, 9)} ${prompt.trimEnd()}`);
    }
  }
  if (summary.weakestTags.length > 0) {
    lines.push('', `${one('Weakest tags', { bold: true })}: ${summary.weakestTags.map((tag) => `${tag.tag} (${tag.missed} of ${tag.asked} missed)`).join(', ')}`);
  }
  if (summary.reread.length > 0) {
    lines.push('', one('Reread', { bold: true }));
    summary.reread.forEach((section, index) => {
      lines.push(`  ${index + 1}. ${section.cardTitle.split(/:\s/)[0]} ${glyphs.pointer} ${section.sectionName} (${section.misses} missed)`);
      lines.push(one(`     swelearn show ${section.cardId} --section "${section.sectionName}"`, { dim: true }));
    });
  }
  const answered = summary.items.length;
  if (answered > 0) {
    const saved = answered - summary.notSaved;
    lines.push('', one(summary.notSaved === 0 ? `All ${answered} answers are saved in ${prepared.progress.logPath}.` : `${saved} of ${answered} answers are saved; ${summary.notSaved} could not be written.`, summary.notSaved === 0 ? { dim: true } : { colour: 'yellow' }));
  }
  return `${lines.join('\n')}\n`;
}
