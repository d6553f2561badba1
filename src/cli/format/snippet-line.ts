import type { Segment, Style } from '../../core/markdown/styled-line.js';
import type { Snippet } from '../../core/search/snippet.js';

const MATCH: Style = { bold: true, colour: 'yellow' };

/** Turns a snippet's highlight ranges into styled segments. */
export function snippetSegments(snippet: Snippet, base?: Style): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) segments.push({ text: snippet.text.slice(at, start), ...(base ? { style: base } : {}) });
    segments.push({ text: snippet.text.slice(start, end), style: MATCH });
    at = end;
  }
  if (at < snippet.text.length) segments.push({ text: snippet.text.slice(at), ...(base ? { style: base } : {}) });
  return segments;
}
