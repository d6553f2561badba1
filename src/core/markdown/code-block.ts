import type { Tokens } from 'marked';
import { highlightCode } from './highlight.js';
import type { Segment, StyledLine } from './styled-line.js';
import { displayWidth } from './wrap.js';

/**
 * What a code line longer than the width does: `wrap` cuts it into width-sized rows (nothing is lost,
 * for printed output); `clip` keeps one row ending in a marker, so ASCII diagrams and aligned code keep
 * their shape on screen.
 */
export type CodeOverflow = 'wrap' | 'clip';

/** How a code block is laid out: the width, the overflow, and whether only ASCII may be drawn. */
export interface CodeLayout {
  width: number;
  overflow?: CodeOverflow;
  ascii?: boolean;
}

/** The marker at the end of a clipped code line. */
export function clipMarker(ascii: boolean | undefined): string {
  return ascii ? '>' : '›';
}

/** Renders a fenced or indented code block, highlighted, indented by two, its spacing kept as written. */
export function renderCode(code: Tokens.Code, layout: CodeLayout): StyledLine[] {
  const width = Math.max(8, layout.width - 2);
  const lines: StyledLine[] = [];
  for (const line of highlightCode(code.text.replace(/\t/g, '    '), code.lang?.split(/\s/)[0])) {
    const rows = layout.overflow === 'clip' ? [clipSegments(line, width, clipMarker(layout.ascii))] : hardWrap(line, width);
    for (const row of rows) lines.push([{ text: '  ' }, ...row]);
  }
  return lines;
}

/** Cuts a line to a width in cells; a line that was cut ends in the marker, dimmed so it reads as no part of the text. */
export function clipSegments(line: Segment[], width: number, marker: string): Segment[] {
  if (line.reduce((sum, segment) => sum + displayWidth(segment.text), 0) <= width) return line;
  const room = Math.max(0, width - displayWidth(marker));
  const kept: Segment[] = [];
  let used = 0;
  for (const segment of line) {
    let text = '';
    for (const char of segment.text) {
      const charWidth = displayWidth(char);
      if (used + charWidth > room) break;
      text += char;
      used += charWidth;
    }
    if (text) kept.push({ ...segment, text });
    if (used >= room || text.length < segment.text.length) break;
  }
  return [...kept, { text: marker, style: { dim: true } }];
}

function hardWrap(line: Segment[], width: number): Segment[][] {
  const rows: Segment[][] = [[]];
  let used = 0;
  for (const segment of line) {
    let text = '';
    for (const char of segment.text) {
      const charWidth = displayWidth(char);
      if (used + charWidth > width) {
        if (text) rows[rows.length - 1]!.push({ ...segment, text });
        rows.push([]);
        text = '';
        used = 0;
      }
      text += char;
      used += charWidth;
    }
    if (text) rows[rows.length - 1]!.push({ ...segment, text });
  }
  return rows;
}
