import type { HitRatePoint } from './closed-form.js';
import { showTtlShort } from './number-format.js';

/** How the chart may draw: block characters or ASCII only, with or without colour. */
export interface ChartOptions {
  ascii: boolean;
  color: boolean;
  /** Rows of bars; each row is an eighth of its height finer with block characters. */
  height?: number;
}

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
// ASCII has no partial blocks: low, middle and full stand in for the eighths.
const ASCII_BLOCKS = [' ', ' ', '_', '_', '-', '-', '=', '=', '#'];
const TICKS_SECONDS = [1, 10, 60, 600, 3600, 86_400, 604_800, 2_592_000];
const LABEL_WIDTH = 5;

/** The column whose TTL is nearest, on the log scale, to `ttlSeconds`. */
export function nearestColumn(points: readonly HitRatePoint[], ttlSeconds: number): number {
  let best = 0;
  for (let i = 1; i < points.length; i++) {
    if (Math.abs(Math.log(points[i]!.ttlSeconds / ttlSeconds)) < Math.abs(Math.log(points[best]!.ttlSeconds / ttlSeconds))) best = i;
  }
  return best;
}

/**
 * A column chart of hit rate (0 to 100%) against TTL on a log axis, one column per point, with the
 * column nearest `markTtlSeconds` pointed out under the axis; returns the lines without newlines.
 */
export function drawHitRateChart(points: readonly HitRatePoint[], markTtlSeconds: number, markLabel: string, options: ChartOptions): string[] {
  const height = options.height ?? 8;
  const blocks = options.ascii ? ASCII_BLOCKS : BLOCKS;
  const marked = nearestColumn(points, markTtlSeconds);
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const lower = (height - 1 - row) / height;
    const cells = points.map((point, column) => {
      const eighths = Math.round(Math.min(1, Math.max(0, (point.hitRate - lower) * height)) * 8);
      const cell = blocks[eighths]!;
      return column === marked && cell !== ' ' ? paint('36', cell) : cell;
    });
    lines.push(`${rowLabel(row, height).padStart(LABEL_WIDTH - 1)} ${options.ascii ? '|' : '│'}${cells.join('')}`.trimEnd());
  }
  lines.push(`${'0%'.padStart(LABEL_WIDTH - 1)} ${options.ascii ? '+' : '└'}${(options.ascii ? '-' : '─').repeat(points.length)}`);
  lines.push(tickLine(points));
  const arrow = options.ascii ? '^' : '↑';
  const offset = LABEL_WIDTH + 1 + marked;
  // The label goes right of the arrow, or left of it when that would run past the chart's width.
  const rightFits = offset + 2 + markLabel.length <= LABEL_WIDTH + 1 + points.length;
  const leftFits = offset >= markLabel.length + 1;
  lines.push(rightFits || !leftFits ? `${' '.repeat(offset)}${arrow} ${markLabel}` : `${' '.repeat(offset - markLabel.length - 1)}${markLabel} ${arrow}`);
  return lines;
}

function rowLabel(row: number, height: number): string {
  // Label the top edge of a row when it falls on a quarter: 100%, 75%, 50%, 25%.
  const top = (height - row) / height;
  return Math.abs(top * 4 - Math.round(top * 4)) < 1e-9 ? `${Math.round(top * 100)}%` : '';
}

function tickLine(points: readonly HitRatePoint[]): string {
  const chars = Array.from({ length: LABEL_WIDTH + 1 + points.length + 4 }, () => ' ');
  // A tick is drawn only under a column within half a column of it, so labels never sit under the wrong TTL.
  const halfStep = points.length > 1 ? Math.log(points.at(-1)!.ttlSeconds / points[0]!.ttlSeconds) / (points.length - 1) / 2 : 0;
  let free = 0;
  for (const tick of TICKS_SECONDS) {
    const column = nearestColumn(points, tick);
    if (Math.abs(Math.log(points[column]!.ttlSeconds / tick)) > halfStep + 1e-9) continue;
    const label = showTtlShort(tick);
    const start = LABEL_WIDTH + 1 + column;
    if (start < free) continue;
    for (let i = 0; i < label.length; i++) chars[start + i] = label[i]!;
    free = start + label.length + 1;
  }
  return chars.join('').trimEnd();
}
