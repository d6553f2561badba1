import { displayWidth } from '../../core/markdown/wrap.js';

/** The first visible row of a list window, moved as little as possible to keep the cursor in view. */
export function windowStart(cursor: number, previousStart: number, height: number, total: number): number {
  const visible = Math.max(1, height);
  const maxStart = Math.max(0, total - visible);
  let start = Math.min(Math.max(0, previousStart), maxStart);
  if (cursor < start) start = cursor;
  else if (cursor >= start + visible) start = cursor - visible + 1;
  return Math.min(Math.max(0, start), maxStart);
}

/** Clamps a value into [min, max]; max below min gives min. */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

// Made on first use: constructing a Segmenter loads ICU's break data (about 15 ms), which the plain-text fast paths and most commands never need.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter());
// Characters that are always one cell (printable ASCII, Latin-1 and Latin Extended, general punctuation such
// as … and ·, arrows, box drawing, geometric shapes): most card and UI text is only these, and the fast path
// skips the costly grapheme-by-grapheme width lookup.
const PLAIN_ASCII = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25ff]*$/;

/** Cuts text to a display width in cells (wide characters count two), ending in the ellipsis when cut. */
export function fitText(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (PLAIN_ASCII.test(text)) {
    if (text.length <= width) return text;
    const room = width - displayWidth(ellipsis);
    return room <= 0 ? ellipsis.slice(0, width) : text.slice(0, room) + ellipsis;
  }
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room <= 0) return ellipsis.slice(0, width);
  let used = 0;
  let out = '';
  for (const { segment } of graphemes().segment(text)) {
    const cells = displayWidth(segment);
    if (used + cells > room) break;
    out += segment;
    used += cells;
  }
  return out + ellipsis;
}

/** Pads (or cuts) text to exactly a display width. */
export function padText(text: string, width: number, ellipsis = '…'): string {
  const fitted = fitText(text, width, ellipsis);
  const used = PLAIN_ASCII.test(fitted) ? fitted.length : displayWidth(fitted);
  return fitted + ' '.repeat(Math.max(0, width - used));
}

/** Cuts a line into pieces of at most width cells, spaces kept exactly (for text that must read as printed). */
export function hardWrap(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const { segment } of graphemes().segment(line)) {
    const cells = displayWidth(segment);
    if (used + cells > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += segment;
    used += cells;
  }
  pieces.push(piece);
  return pieces;
}

/** The display width of text in cells, quickly for the common one-cell characters. */
export function cellWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : displayWidth(text);
}

/**
 * Fits the parts of one row into a width: parts that fit stay whole, the first that does not is cut with
 * the theme's ellipsis (so ASCII mode never shows "…"), and the rest are dropped.
 */
export function fitParts(parts: readonly string[], width: number, ellipsis = '…'): string[] {
  const fitted: string[] = [];
  let used = 0;
  for (const part of parts) {
    const room = width - used;
    const cells = room > 0 ? cellWidth(part) : 0;
    if (room <= 0) fitted.push('');
    else if (cells <= room) {
      fitted.push(part);
      used += cells;
    } else {
      fitted.push(fitText(part, room, ellipsis));
      used = width;
    }
  }
  return fitted;
}
