import type { Difficulty } from '../cards/types.js';

/** How one item is asked: self-graded, typed into a blank, picked from options, or predicted from a simulation. */
export type QuizMode = 'flashcard' | 'cloze' | 'choice' | 'predict';

/** What a session asks for: one presentation, or a mix chosen per item. */
export type SessionMode = QuizMode | 'mixed';

/** The FSRS grades: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type Grade = 1 | 2 | 3 | 4;

/** The kind of thing a cloze hides, used to pick plausible distractors of the same kind. */
export type TermShape = 'number' | 'rfc' | 'code' | 'record-type' | 'term';

/** What an authored blank is, so choice options are of the same kind (see docs/card-format.md). */
export type TermKind =
  | 'record-type' | 'rcode' | 'flag' | 'field' | 'option' | 'number' | 'rfc' | 'tool' | 'software'
  | 'protocol' | 'mechanism' | 'attack' | 'role' | 'organisation' | 'record-part' | 'concept';

/** Every term kind, in the order the card format lists them. */
export const TERM_KINDS: readonly TermKind[] = [
  'record-type', 'rcode', 'flag', 'field', 'option', 'number', 'rfc', 'tool', 'software',
  'protocol', 'mechanism', 'attack', 'role', 'organisation', 'record-part', 'concept',
];

/** The salient term of a key point: what a cloze hides and a choice asks for. */
export interface ClozeTerm {
  /** The term as written in the point, without Markdown. */
  answer: string;
  /** Other spellings that count as right (already normalised for comparison). */
  accepted: string[];
  /** The other answers the author listed (`accept:`), as written. */
  alternatives: string[];
  /** Wrong options the author listed for a choice question (`wrong:`), as written. */
  wrong: string[];
  /** The authored kind; a guessed one for unmarked points. */
  kind: TermKind;
  /** Whether the author named this blank (a `quiz` comment), or the generator guessed it. */
  authored: boolean;
  shape: TermShape;
  /** Offsets of the term in the item's plain text. */
  start: number;
  end: number;
}

/** Where an item came from, so a miss can send the learner back to it. */
export interface ItemSource {
  cardId: string;
  sectionName: string;
  /** 1-based line in the card file. */
  line: number;
}

/** A key moment of a simulator scenario to predict: the question, its options and what playing the step shows. */
export interface PredictStep {
  scenarioId: string;
  /** The position in the scenario's event list of the event the moment is about. */
  eventSeq: number;
  /** What has happened before the question, one line per event, timed from the start of the question's lookup. */
  context: string[];
  question: string;
  /** The options as the moment derives them; they are shuffled with the session's seed when asked. */
  choices: string[];
  correctIndex: number;
  /** The step played in full, then why it happens. */
  reveal: string;
}

/** A unit of knowledge that is scheduled: a key point, a practice question, or a simulator step. */
export interface QuizItem {
  /** Stable id: `<card>/kp-<hash>`, `<card>/pq-<hash>` or `sim/<scenario>/<step>`. */
  id: string;
  kind: 'key-point' | 'practice-question' | 'predict';
  cardId: string;
  cardTitle: string;
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  source: ItemSource;
  /** The point (or question) as plain text: what edits are matched against. */
  text: string;
  /** Flashcard front and back; for a key point the back is the whole point. */
  front: string;
  back: string;
  term?: ClozeTerm;
  predict?: PredictStep;
}

/** What progress views (stats, plan, badges) read of an item: never its question, answer or options. */
export type StudyItem = Pick<QuizItem, 'id' | 'kind' | 'cardId' | 'topic' | 'tags' | 'source' | 'text'>;

/** One item as asked in a session, in one mode. */
export interface Question {
  item: QuizItem;
  mode: QuizMode;
  /** The text shown: the front, the point with a blank, or the stem of a choice. */
  prompt: string;
  /** The full answer shown on reveal. */
  answer: string;
  /** For choice and predict: the options, and which one is right. */
  choices?: string[];
  correctIndex?: number;
  /** How long the learner has, in milliseconds. */
  timeLimitMs: number;
}
