import { TERM_KINDS, type TermKind } from '../types.js';

/** What an author wrote in a key point's `<!-- quiz ... -->` comment (docs/card-format.md). */
export interface QuizMarkup {
  ask?: string;
  blank?: string;
  accept: string[];
  kind?: TermKind;
  wrong: string[];
  /** Lines within the point (0 = its first line) where each key was written, for messages. */
  lineOf: Partial<Record<MarkupKey, number>>;
}

/** A mistake in the markup itself, with its line within the point. */
export interface MarkupProblem {
  rule: 'quiz-markup';
  message: string;
  lineOffset: number;
}

/** A key point split into the text a reader sees and the author's quiz markup. */
export interface MarkedPoint {
  markdown: string;
  markup?: QuizMarkup;
  problems: MarkupProblem[];
}

type MarkupKey = 'ask' | 'blank' | 'accept' | 'kind' | 'wrong';

const KEYS = new Set<string>(['ask', 'blank', 'accept', 'kind', 'wrong']);
const COMMENT = /<!--\s*quiz\b([\s\S]*?)(?:-->|$)/;
const LIST_SEPARATOR = /\s+\|\s+/;

/** Takes the `quiz` comment out of a key point's Markdown and reads its keys; other comments stay. */
export function splitQuizMarkup(pointMarkdown: string): MarkedPoint {
  const match = COMMENT.exec(pointMarkdown);
  if (!match) return { markdown: pointMarkdown, problems: [] };
  const firstLine = lineAt(pointMarkdown, match.index);
  const markdown = `${pointMarkdown.slice(0, match.index)}${pointMarkdown.slice(match.index + match[0].length)}`.trim();
  const problems: MarkupProblem[] = [];
  const markup: QuizMarkup = { accept: [], wrong: [], lineOf: {} };
  const say = (message: string, lineOffset: number) => problems.push({ rule: 'quiz-markup', message, lineOffset });
  if (!match[0].endsWith('-->')) say('the quiz comment is not closed with -->', firstLine);
  match[1]!.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const lineOffset = firstLine + index;
    if (!line) return;
    const field = /^([a-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!field || !KEYS.has(field[1]!)) {
      say(`unknown line in the quiz comment: "${line.slice(0, 40)}" (keys are ask, blank, accept, kind, wrong)`, lineOffset);
      return;
    }
    const key = field[1] as MarkupKey;
    const value = field[2]!.trim();
    if (markup.lineOf[key] !== undefined) say(`"${key}" is given twice in the quiz comment`, lineOffset);
    else if (!value) say(`"${key}" is empty`, lineOffset);
    else assign(markup, key, value, lineOffset, say);
  });
  return { markdown, markup, problems };
}

function assign(markup: QuizMarkup, key: MarkupKey, value: string, lineOffset: number, say: (message: string, line: number) => void): void {
  markup.lineOf[key] = lineOffset;
  switch (key) {
    case 'ask':
    case 'blank':
      markup[key] = value;
      return;
    case 'accept':
    case 'wrong':
      markup[key] = value.split(LIST_SEPARATOR).map((entry) => entry.trim()).filter(Boolean);
      return;
    case 'kind':
      if ((TERM_KINDS as readonly string[]).includes(value)) markup.kind = value as TermKind;
      else say(`unknown kind "${value.slice(0, 30)}"; use one of ${TERM_KINDS.join(', ')}`, lineOffset);
  }
}

function lineAt(text: string, index: number): number {
  let lines = 0;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}
