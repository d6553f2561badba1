import { lineText, type StyledLine } from '../../../core/markdown/styled-line.js';

/** One occurrence of the find text: its line and character range. */
export interface LineMatch {
  line: number;
  start: number;
  end: number;
}

/** Every case-insensitive occurrence of the query in the lines, in reading order. */
export function findInLines(lines: readonly StyledLine[], query: string): LineMatch[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: LineMatch[] = [];
  lines.forEach((line, index) => {
    const text = lineText(line).toLowerCase();
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      matches.push({ line: index, start: at, end: at + needle.length });
    }
  });
  return matches;
}
