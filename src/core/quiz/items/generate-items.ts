import type { Card } from '../../cards/types.js';
import { authoredTerm, clozePrompt, findClozeTerm } from './cloze.js';
import { disambiguateIds, itemIdFor } from './item-id.js';
import { parsePointText } from './point-text.js';
import { splitQuizMarkup } from './quiz-markup.js';
import type { ClozeTerm, QuizItem } from '../types.js';

/** Every quiz item of the cards: one per key point and one per practice question, in card order. */
export function generateItems(cards: readonly Card[]): QuizItem[] {
  return cards.flatMap((card) => cardItems(card));
}

/** The items of one card, ids made unique within the card. */
export function cardItems(card: Card): QuizItem[] {
  const keyPointSection = card.sections.find((section) => section.kind === 'key-points')?.name ?? 'Key Points for Interviews';
  const practiceSection = card.sections.find((section) => section.kind === 'practice-questions')?.name ?? 'Practice Questions';
  const base = { cardId: card.id, cardTitle: card.title, topic: card.topic, tags: card.tags, difficulty: card.difficulty };
  const items: QuizItem[] = [];
  for (const point of card.keyPoints) {
    const { markdown, markup } = splitQuizMarkup(point.markdown);
    const parsed = parsePointText(markdown);
    if (!parsed.text) continue;
    // An authored comment decides: no guessed blank where the author chose none.
    const term = markup ? authoredTerm(parsed, markup) : findClozeTerm(parsed);
    items.push({
      ...base,
      id: itemIdFor(card.id, 'kp', parsed.text),
      kind: 'key-point',
      source: { cardId: card.id, sectionName: keyPointSection, line: point.line },
      text: parsed.text,
      front: markup?.ask ?? keyPointFront(card.title, parsed.text, term),
      back: parsed.text,
      ...(term ? { term } : {}),
    });
  }
  for (const question of card.practiceQuestions) {
    const front = parsePointText(question.question).text;
    if (!front) continue;
    items.push({
      ...base,
      id: itemIdFor(card.id, 'pq', front),
      kind: 'practice-question',
      source: { cardId: card.id, sectionName: practiceSection, line: question.line },
      text: front,
      front,
      back: parsePointText(question.answer).text,
    });
  }
  const ids = disambiguateIds(items.map((item) => item.id));
  return items.map((item, index) => ({ ...item, id: ids[index]! }));
}

// Without an authored question, the front is the point itself with its term blanked (a self-graded
// cloze); a point with no term at all is recalled from its opening words, which lint reports as unfair.
function keyPointFront(title: string, text: string, term: ClozeTerm | undefined): string {
  if (term) return clozePrompt(text, term);
  const words = text.split(/\s+/);
  return `${title}: recall the point that begins "${words.slice(0, Math.min(8, Math.ceil(words.length / 2))).join(' ')} …"`;
}
