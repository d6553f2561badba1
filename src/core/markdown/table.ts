import type { Tokens } from 'marked';
import { renderInline, type InlineOptions } from './inline.js';
import { lineText, type Segment, type StyledLine } from './styled-line.js';
import { displayWidth, wrapSegments } from './wrap.js';

/** Lays out a GFM table within the width, wrapping cells when the natural widths do not fit. */
export function renderTable(table: Tokens.Table, options: InlineOptions & { width: number; ascii?: boolean }): StyledLine[] {
  const header = table.header.map((cell) => renderInline(cell.tokens, options, { bold: true }));
  const rows = table.rows.map((row) => row.map((cell) => renderInline(cell.tokens, options)));
  const columns = header.length;
  const natural = Array.from({ length: columns }, (_, column) =>
    Math.max(1, ...[header, ...rows].map((row) => displayWidth(lineText(row[column] ?? [])))),
  );
  const chrome = 3 * columns + 1;
  const widths = fitWidths(natural, Math.max(columns * 3, options.width - chrome));
  const glyphs = options.ascii
    ? { v: '|', h: '-', top: ['+', '+', '+'], mid: ['+', '+', '+'], bottom: ['+', '+', '+'] }
    : { v: '│', h: '─', top: ['┌', '┬', '┐'], mid: ['├', '┼', '┤'], bottom: ['└', '┴', '┘'] };
  const border = ([left, cross, right]: string[]): StyledLine => [
    { text: left + widths.map((w) => glyphs.h.repeat(w + 2)).join(cross) + right, style: { colour: 'gray' } },
  ];
  const lines: StyledLine[] = [border(glyphs.top), ...tableRow(header, widths, table.align, glyphs.v), border(glyphs.mid)];
  for (const row of rows) lines.push(...tableRow(row, widths, table.align, glyphs.v));
  lines.push(border(glyphs.bottom));
  return lines;
}

// Shrinks the widest columns first until the table fits.
function fitWidths(natural: number[], available: number): number[] {
  const widths = [...natural];
  while (widths.reduce((sum, w) => sum + w, 0) > available) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 3) break;
    widths[widest]! -= 1;
  }
  return widths;
}

function tableRow(cells: Segment[][], widths: number[], align: Tokens.Table['align'], bar: string): StyledLine[] {
  const wrapped = widths.map((width, column) => wrapSegments(cells[column] ?? [], width));
  const height = Math.max(1, ...wrapped.map((lines) => lines.length));
  const lines: StyledLine[] = [];
  for (let row = 0; row < height; row++) {
    const line: StyledLine = [{ text: bar, style: { colour: 'gray' } }];
    widths.forEach((width, column) => {
      const content = wrapped[column]![row] ?? [];
      const room = width - displayWidth(lineText(content));
      const left = align[column] === 'right' ? room : align[column] === 'center' ? Math.floor(room / 2) : 0;
      line.push({ text: ' '.repeat(left + 1) }, ...content, { text: ' '.repeat(room - left + 1) }, { text: bar, style: { colour: 'gray' } });
    });
    lines.push(line);
  }
  return lines;
}
