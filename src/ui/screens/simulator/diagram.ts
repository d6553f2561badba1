import { kindOf, type ResolutionEvent } from '../../../core/dns-sim/events.js';
import type { Segment, StyledLine, Style } from '../../../core/markdown/styled-line.js';
import { stripControl } from '../../../core/text/sanitize.js';
import type { Theme } from '../../theme.js';
import { columnKey, type ActorColumn } from './actors.js';
import { isFailure, isMessageStep, stepLabel } from './step-label.js';

/** What the sequence diagram draws: the steps up to the cursor, the current one possibly in flight. */
export interface DiagramInput {
  events: readonly ResolutionEvent[];
  columns: readonly ActorColumn[];
  cursor: number;
  /** How far the current message has travelled along its arrow, 0 to 1. */
  progress: number;
  width: number;
  /** Rows in all: two header rows, then one row per step. */
  height: number;
}

interface Cell {
  ch: string;
  style?: Style;
}

/** The x position of each column's lifeline, spread over the width with room for the outer labels. */
export function columnPositions(columns: readonly ActorColumn[], width: number): number[] {
  const n = columns.length;
  if (n === 0) return [];
  if (n === 1) return [Math.floor(width / 2)];
  const left = Math.max(2, Math.ceil(columns[0]!.label.length / 2));
  const right = width - 1 - Math.max(2, Math.ceil(columns[n - 1]!.label.length / 2));
  return columns.map((_, index) => Math.round(left + (index * (right - left)) / (n - 1)));
}

/** The tone of a step: failures red, answers green, referrals blue, negative answers yellow. */
export function stepTone(event: ResolutionEvent): 'good' | 'bad' | 'info' | 'warn' | undefined {
  if (isFailure(event)) return 'bad';
  const kind = kindOf(event);
  if (kind === 'answer' || kind === 'cache-hit') return 'good';
  if (kind === 'referral' || kind === 'cname') return 'info';
  if (kind === 'nxdomain' || kind === 'nodata' || kind === 'truncated') return 'warn';
  return undefined;
}

/** The diagram as lines: column headers, the server names of the current step, then one row per step up to the cursor. */
export function diagramLines(input: DiagramInput, theme: Theme): StyledLine[] {
  const { columns, width } = input;
  const xs = columnPositions(columns, width);
  const spacing = columns.length > 1 ? Math.max(3, Math.floor((xs[xs.length - 1]! - xs[0]!) / (columns.length - 1)) - 1) : width;
  const current = input.events[input.cursor];
  const header = blank(width);
  columns.forEach((column, index) => place(header, centred(column.label, xs[index]!, spacing), { bold: true, colour: theme.tone.accent }));
  const names = blank(width);
  if (current) {
    // Under the columns of the current step: which server exactly, kept inside the row and apart from each other.
    const ends = (isMessageStep(current) ? [current.from, current.to] : [current.from])
      .map((end) => ({ end, x: xs[columns.findIndex((column) => column.key === columnKey(end))] }))
      .filter((entry): entry is { end: typeof entry.end; x: number } => entry.x !== undefined)
      .sort((a, b) => a.x - b.x);
    let free = 0;
    ends.forEach(({ end, x }, index) => {
      const next = ends[index + 1];
      const limit = next ? Math.floor((x + next.x) / 2) : width;
      const text = stripControl(end.name).slice(0, Math.max(1, Math.min(spacing + 4, limit - free)));
      const at = Math.max(free, Math.min(x - Math.floor(text.length / 2), limit - text.length));
      place(names, { at, text }, { dim: true });
      free = at + text.length + 1;
    });
  }
  const rows = Math.max(0, input.height - 2);
  const first = Math.max(0, input.cursor - rows + 1);
  const lines = [toLine(header), toLine(names)];
  for (let index = first; index <= input.cursor && index < input.events.length; index++) {
    const isCurrent = index === input.cursor;
    lines.push(toLine(stepRow(input.events[index]!, columns, xs, width, isCurrent ? input.progress : 1, isCurrent, theme)));
  }
  while (lines.length < input.height) lines.push(toLine(lifelines(xs, width, theme)));
  return lines;
}

function stepRow(event: ResolutionEvent, columns: readonly ActorColumn[], xs: number[], width: number, progress: number, isCurrent: boolean, theme: Theme): Cell[] {
  const cells = lifelines(xs, width, theme);
  const tone = stepTone(event);
  const style: Style = isCurrent ? { bold: true, colour: (tone && theme.tone[tone]) ?? theme.tone.accent } : { dim: true, ...(tone && theme.colour ? { colour: theme.tone[tone] } : {}) };
  const from = xs[columns.findIndex((column) => column.key === columnKey(event.from))];
  const to = xs[columns.findIndex((column) => column.key === columnKey(event.to))];
  const label = stripControl(stepLabel(event));
  const g = theme.glyphs;
  if (from === undefined || to === undefined || !isMessageStep(event)) {
    const x = from ?? to ?? 0;
    cells[x] = { ch: theme.ascii ? '*' : '◆', style };
    const text = ` ${label}`;
    place(cells, x + 1 + text.length <= width ? { at: x + 1, text } : { at: Math.max(0, x - text.length), text: `${label} ` }, style);
    return cells;
  }
  const dir = to > from ? 1 : -1;
  const span = Math.abs(to - from) - 1;
  const lost = event.type === 'query-timed-out' || event.type === 'port-unreachable';
  const body = lost ? (theme.ascii ? '.' : '╌') : g.lineH;
  const head = lost ? (theme.ascii ? 'x' : '✕') : dir > 0 ? g.arrowRight : g.arrowLeft;
  const travelled = Math.max(1, Math.round(progress * span));
  for (let step = 1; step <= travelled; step++) cells[from + dir * step] = { ch: body, style };
  if (progress >= 1) cells[to - dir] = { ch: head, style };
  else cells[from + dir * travelled] = { ch: g.dot, style };
  const text = ` ${label} `;
  const low = Math.min(from, to) + 2;
  const high = Math.max(from, to) - 2;
  if (progress < 1) return cells;
  if (high - low + 1 >= text.length) place(cells, { at: low + Math.floor((high - low + 1 - text.length) / 2), text }, style);
  else if (Math.max(from, to) + 1 + text.length <= width) place(cells, { at: Math.max(from, to) + 1, text }, style);
  else place(cells, { at: Math.max(0, Math.min(from, to) - text.length), text: text.slice(0, Math.min(from, to)) }, style);
  return cells;
}

function lifelines(xs: number[], width: number, theme: Theme): Cell[] {
  const cells = blank(width);
  for (const x of xs) if (x >= 0 && x < width) cells[x] = { ch: theme.glyphs.lineV, style: { dim: true } };
  return cells;
}

function blank(width: number): Cell[] {
  return Array.from({ length: Math.max(0, width) }, () => ({ ch: ' ' }));
}

function centred(text: string, x: number, room: number): { at: number; text: string } {
  const cut = text.length > room ? text.slice(0, Math.max(1, room)) : text;
  return { at: x - Math.floor(cut.length / 2), text: cut };
}

function place(cells: Cell[], where: { at: number; text: string }, style: Style): void {
  [...where.text].forEach((ch, offset) => {
    const x = where.at + offset;
    if (x >= 0 && x < cells.length) cells[x] = { ch, style };
  });
}

function toLine(cells: Cell[]): StyledLine {
  const line: Segment[] = [];
  for (const cell of cells) {
    const last = line[line.length - 1];
    if (last && last.style === cell.style) last.text += cell.ch;
    else line.push(cell.style ? { text: cell.ch, style: cell.style } : { text: cell.ch });
  }
  return line;
}
