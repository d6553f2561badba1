import { mergeStyle, type Segment, type StyledLine, type Style } from '../../core/markdown/styled-line.js';

/** Applies a style to character ranges [start, end) of a line's plain text, splitting segments where needed. */
export function highlightSegments(line: StyledLine, ranges: readonly (readonly [number, number])[], style: Style): StyledLine {
  if (ranges.length === 0) return line;
  const out: Segment[] = [];
  let offset = 0;
  for (const segment of line) {
    const end = offset + segment.text.length;
    let cut = offset;
    for (const [from, to] of ranges) {
      if (to <= cut || from >= end) continue;
      const start = Math.max(from, cut);
      const stop = Math.min(to, end);
      if (start > cut) out.push(piece(segment, cut - offset, start - offset));
      out.push(piece(segment, start - offset, stop - offset, style));
      cut = stop;
    }
    if (cut < end) out.push(piece(segment, cut - offset, end - offset));
    offset = end;
  }
  return out;
}

function piece(segment: Segment, from: number, to: number, extra?: Style): Segment {
  const style = mergeStyle(segment.style, extra);
  return style ? { text: segment.text.slice(from, to), style } : { text: segment.text.slice(from, to) };
}

/** Plain text with the given ranges styled, as a line. */
export function highlightText(text: string, ranges: readonly (readonly [number, number])[], style: Style, base?: Style): StyledLine {
  return highlightSegments([base ? { text, style: base } : { text }], ranges, style);
}
