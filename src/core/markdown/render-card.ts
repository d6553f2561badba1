import { formatMinutes } from '../cards/duration.js';
import type { Card, CardSection } from '../cards/types.js';
import { withoutQuizComments } from './author-comments.js';
import { renderMarkdown, type RenderOptions } from './render-markdown.js';
import type { StyledLine } from './styled-line.js';
import { wrapSegments } from './wrap.js';

/** A rendered card: its lines and the line each section starts on, for jumping between sections. */
export interface RenderedCard {
  lines: StyledLine[];
  sectionStarts: { name: string; line: number }[];
}

/** Renders a card (or only some of its sections) as terminal lines: title, metadata, then each section. */
export function renderCard(card: Card, options: RenderOptions & { sections?: CardSection[] }): RenderedCard {
  const lines: StyledLine[] = [
    ...wrapSegments([{ text: card.title, style: { bold: true, underline: true } }], options.width),
    ...wrapSegments([{ text: `${card.topic} · ${card.difficulty} · ${formatMinutes(card.estimatedMinutes)} · ${card.tags.join(', ')}`, style: { dim: true } }], options.width),
  ];
  if (card.related.length > 0) {
    lines.push(...wrapSegments([{ text: 'Related: ', style: { dim: true } }, { text: card.related.join(', '), style: { colour: 'yellow' } }], options.width));
  }
  if (card.sim.length > 0) {
    lines.push(...wrapSegments([{ text: 'Simulate: ', style: { dim: true } }, { text: card.sim.map((id) => `swelearn sim --scenario ${id}`).join(', '), style: { colour: 'green' } }], options.width));
  }
  const sectionStarts: RenderedCard['sectionStarts'] = [];
  for (const section of options.sections ?? card.sections) {
    lines.push([]);
    sectionStarts.push({ name: section.name, line: lines.length });
    lines.push([{ text: section.name, style: { bold: true, colour: 'cyan' } }]);
    lines.push([{ text: (options.ascii ? '-' : '─').repeat(Math.min(options.width, section.name.length + 2)), style: { colour: 'gray' } }]);
    lines.push(...(section.kind === 'practice-questions' && card.practiceQuestions.length > 0 ? renderPractice(card, options) : renderMarkdown(withoutQuizComments(section.markdown), options)));
  }
  return { lines, sectionStarts };
}

// Each question on its own lines, the answer below it, so a reader can cover the answer and think first.
function renderPractice(card: Card, options: RenderOptions): StyledLine[] {
  const lines: StyledLine[] = [];
  card.practiceQuestions.forEach((practice, index) => {
    if (index > 0) lines.push([]);
    const question = renderMarkdown(`**Q${index + 1}.** ${practice.question}`, options);
    const answer = renderMarkdown(practice.answer, { ...options, width: options.width - 4 });
    lines.push(...question, ...answer.map((line) => [{ text: '    ' }, ...line]));
  });
  return lines;
}

export { findSection } from '../cards/find-section.js';
