/** How hard a card is, as the card format defines it. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** The sections the format knows by name; anything else is `other`. */
export type SectionKind = 'overview' | 'when-to-use' | 'trade-offs' | 'key-points' | 'practice-questions' | 'other';

/** One `##` section of a card, its Markdown kept as written. */
export interface CardSection {
  name: string;
  kind: SectionKind;
  markdown: string;
  /** 1-based line of the heading in the file (or of the first line, for text before any heading). */
  line: number;
  /** 1-based line where `markdown` starts (after the heading and the blank lines under it). */
  bodyLine?: number;
}

/** One top-level bullet of *Key Points for Interviews*. */
export interface KeyPoint {
  markdown: string;
  line: number;
}

/** An explicit question and answer from the *Practice Questions* section. */
export interface PracticeQuestion {
  question: string;
  answer: string;
  line: number;
}

/** Where a card came from. */
export type CardOrigin = 'bundled' | 'content' | 'user';

/** A loaded, valid card. */
export interface Card {
  id: string;
  title: string;
  tags: string[];
  difficulty: Difficulty;
  estimatedTime: string;
  estimatedMinutes: number;
  topic: string;
  related: string[];
  sim: string[];
  /** Frontmatter fields the format does not define, kept as written. */
  extra: Record<string, unknown>;
  sections: CardSection[];
  keyPoints: KeyPoint[];
  practiceQuestions: PracticeQuestion[];
  path: string;
  origin: CardOrigin;
  /** File line of each frontmatter field, for messages about it. */
  fieldLines: Record<string, number>;
}

/** A problem with a card: errors skip the card, warnings leave it loaded. */
export interface CardProblem {
  level: 'error' | 'warning';
  rule: string;
  message: string;
  path: string;
  line?: number;
}
