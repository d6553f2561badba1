import { Lexer, type Token, type Tokens } from 'marked';
import type { CardSection, KeyPoint, PracticeQuestion, SectionKind } from './types.js';

const SECTION_KINDS: Record<string, SectionKind> = {
  'overview': 'overview',
  'when to use': 'when-to-use',
  'trade offs and gotchas': 'trade-offs',
  'tradeoffs and gotchas': 'trade-offs',
  'key points for interviews': 'key-points',
  'practice questions': 'practice-questions',
};

/** The required sections with their canonical names, in the order the format lists them. */
export const REQUIRED_SECTIONS: { kind: SectionKind; name: string }[] = [
  { kind: 'overview', name: 'Overview' },
  { kind: 'when-to-use', name: 'When to Use' },
  { kind: 'trade-offs', name: 'Trade-offs & Gotchas' },
  { kind: 'key-points', name: 'Key Points for Interviews' },
];

/** Which known section a `##` heading names, matching case-insensitively with `and` for `&`. */
export function sectionKindOf(heading: string): SectionKind {
  const key = heading.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
  return SECTION_KINDS[key] ?? 'other';
}

/** Splits a Markdown body into its `##` sections, with the file line of each heading. */
export function splitSections(body: string, bodyLine: number): CardSection[] {
  const sections: CardSection[] = [];
  let current: CardSection | undefined;
  let offsetLine = bodyLine;
  const bodyStarts = new Map<CardSection, number>();
  for (const token of Lexer.lex(body)) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      const name = (token as Tokens.Heading).text.trim();
      current = { name, kind: sectionKindOf(name), markdown: '', line: offsetLine + leadingNewlines(token.raw) };
      bodyStarts.set(current, offsetLine + countNewlines(token.raw));
      sections.push(current);
    } else if (!current) {
      if (token.type !== 'space') {
        current = { name: 'Overview', kind: 'overview', markdown: token.raw, line: offsetLine };
        sections.push(current);
      }
    } else {
      current.markdown += token.raw;
    }
    offsetLine += countNewlines(token.raw);
  }
  for (const section of sections) {
    const leading = /^\n*/.exec(section.markdown)![0].length;
    // The heading's own line(s), then the blank lines stripped here: where the markdown now starts.
    bodyStarts.set(section, (bodyStarts.get(section) ?? section.line) + leading);
    section.markdown = section.markdown.replace(/^\n+|\s+$/g, '');
  }
  for (const section of sections) section.bodyLine = bodyStarts.get(section)!;
  return mergeRepeatedOverview(sections);
}

// Text before the first heading followed by an explicit "## Overview" reads as one Overview.
function mergeRepeatedOverview(sections: CardSection[]): CardSection[] {
  const [first, second] = sections;
  if (first && second && first.kind === 'overview' && second.kind === 'overview') {
    return [{ ...second, markdown: `${first.markdown}\n\n${second.markdown}`.trim(), ...(first.bodyLine === undefined ? {} : { bodyLine: first.bodyLine }) }, ...sections.slice(2)];
  }
  return sections;
}

/** The top-level bullet items of a section, each with its file line. */
export function listItemsOf(section: CardSection): KeyPoint[] {
  const items: KeyPoint[] = [];
  let line = section.bodyLine ?? section.line + 1;
  for (const token of Lexer.lex(section.markdown)) {
    line += leadingNewlines(token.raw);
    if (token.type === 'list') {
      let itemLine = line;
      for (const item of (token as Tokens.List).items) {
        items.push({ markdown: item.text.trim(), line: itemLine + leadingNewlines(item.raw) });
        itemLine += countNewlines(item.raw);
      }
    }
    line += countNewlines(token.raw) - leadingNewlines(token.raw);
  }
  return items;
}

const QUESTION_ANSWER = /^\s*(?:\*\*)?Q:(?:\*\*)?\s*([\s\S]*?)\n\s*(?:\*\*)?A:(?:\*\*)?\s*([\s\S]+)$/;

/** Parses *Practice Questions* items; items without both a Q: and an A: come back as `invalid` lines. */
export function practiceQuestionsOf(section: CardSection): { questions: PracticeQuestion[]; invalidLines: number[] } {
  const questions: PracticeQuestion[] = [];
  const invalidLines: number[] = [];
  for (const item of listItemsOf(section)) {
    const match = QUESTION_ANSWER.exec(item.markdown);
    if (match && match[1]!.trim() && match[2]!.trim()) {
      questions.push({ question: collapse(match[1]!), answer: collapse(match[2]!), line: item.line });
    } else {
      invalidLines.push(item.line);
    }
  }
  return { questions, invalidLines };
}

function collapse(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

function leadingNewlines(text: string): number {
  let count = 0;
  while (count < text.length && text.charCodeAt(count) === 10) count++;
  return count;
}

export type { Token };
