import { buildDistractorPool } from '../../../src/core/quiz/items/choice.js';
import { generateItems } from '../../../src/core/quiz/items/generate-items.js';
import { presentItem } from '../../../src/core/quiz/items/present.js';
import type { SessionSetup } from '../../../src/core/quiz/session/session.js';
import type { QuizItem, QuizMode, Question } from '../../../src/core/quiz/types.js';
import { quizCard } from '../../core/quiz/quiz-fixtures.js';

/**
 * A card that writes non-ASCII itself (é, —): in ASCII mode that text is the card's and stays, while
 * the app's own marks must not appear. The long point makes the stats report cut text.
 */
export const asciiItems: QuizItem[] = generateItems([
  quizCard(
    'cafe',
    [
      'The café resolver keeps answers for **60 s** — never longer.',
      'Unbound caps TTLs at **86400 s** by default.',
      'Chrome keeps answers for **30 s**.',
      'A very long key point about the café resolver that keeps going well past any column the statistics screen can give it, in **RFC 8767**.',
    ],
    { questions: [['Why does the café cache answers?', 'To save round trips — each one costs ~30 ms.']] },
  ),
]);

const pool = buildDistractorPool(asciiItems, new Map());

function ask(item: QuizItem, mode: QuizMode): Question {
  const question = presentItem(item, mode, pool, 1, { perItemMs: 30_000 });
  if (!question) throw new Error(`${item.id} cannot be asked as ${mode}`);
  return question;
}

const practice = asciiItems.find((item) => item.kind === 'practice-question')!;
const cafePoint = asciiItems[0]!;

/**
 * A flashcard, a cloze and a choice. The flashcard is the practice question: a key point's generated
 * front ("complete and explain: "… …"") carries an ellipsis of its own, which would hide a stray one.
 */
export function asciiSession(): SessionSetup {
  return { sessionId: 'ascii', questions: [ask(practice, 'flashcard'), ask(cafePoint, 'cloze'), ask(cafePoint, 'choice')], schedules: {}, cram: false, retryMisses: false };
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]|\u001b\]8;;[^\u001b]*\u001b\\/g;

/** The characters outside printable ASCII that the given texts hold: what the cards themselves may draw. */
export function contentChars(texts: Iterable<string | undefined>): Set<string> {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text ?? '') if (!isPrintableAscii(char)) chars.add(char);
  return chars;
}

/**
 * Every text a question can put on screen from the card: prompt, options, answer, point, title, section, tags.
 * Not a key point's flashcard front unless it is asked as a flashcard: that front is generated with a "…" of its own.
 */
export function questionTexts(questions: readonly Question[]): string[] {
  return questions.flatMap((question) => [question.prompt, question.answer, ...(question.choices ?? []), ...itemTexts([question.item])]);
}

/** The card's own texts of some items (the point or question, its answer, card, section and tags). */
export function itemTexts(items: readonly QuizItem[]): string[] {
  return items.flatMap((item) => [item.text, item.back, item.cardId, item.cardTitle, item.topic, item.source.sectionName, ...item.tags]);
}

/** The characters of a frame (colours stripped) that are neither printable ASCII nor in `allowed`. */
export function foreignChars(frame: string, allowed: ReadonlySet<string>): string[] {
  return [...new Set([...frame.replace(ANSI, '')].filter((char) => char !== '\n' && !isPrintableAscii(char) && !allowed.has(char)))];
}

function isPrintableAscii(char: string): boolean {
  return char >= ' ' && char <= '~';
}
