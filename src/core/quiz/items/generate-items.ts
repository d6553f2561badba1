import type { Card } from '../../cards/types.js';
import { findClozeTerm } from './cloze.js';
import { disambiguateIds, itemIdFor } from './item-id.js';
import { parsePointText } from './point-text.js';
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
    const parsed = parsePointText(point.markdown);
    if (!parsed.text) continue;
    const term = findClozeTerm(parsed);
    items.push({
      ...base,
      id: itemIdFor(card.id, 'kp', parsed.text),
      kind: 'key-point',
      source: { cardId: card.id, sectionName: keyPointSection, line: point.line },
      text: parsed.text,
      front: keyPointFront(shortTitle(card.title), parsed.text, term),
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

/** The part of a card title before its colon: "TTL and DNS caching". */
export function shortTitle(title: string): string {
  const head = title.split(/:\s/)[0]!.trim();
  return head.length > 0 ? head : title;
}

// A key point's front names its subject without stating the point: the term for concepts, the lead-in for numbers.
function keyPointFront(title: string, text: string, term: ClozeTerm | undefined): string {
  if (term && (term.shape === 'term' || term.shape === 'code' || term.shape === 'record-type')) {
    return `${title}: what is the key point about ${term.answer}?`;
  }
  const leadIn = term ? text.slice(0, term.start).trim() : '';
  if (leadIn.split(/\s+/).length >= 3) return `${title}: complete and explain: "${leadIn} …"`;
  const words = text.split(/\s+/);
  return `${title}: complete and explain: "${words.slice(0, Math.min(8, Math.ceil(words.length / 2))).join(' ')} …"`;
}
