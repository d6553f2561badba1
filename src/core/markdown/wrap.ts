import { displayWidth } from '../text/display-width.js';
import type { Segment, StyledLine } from './styled-line.js';

export { displayWidth };

interface Word {
  pieces: Segment[];
  width: number;
  /** Whether a space preceded this word. */
  spaced: boolean;
}

/** Wraps styled inline text to a width, keeping styles, breaking words longer than a line. */
export function wrapSegments(segments: Segment[], width: number): StyledLine[] {
  const limit = Math.max(1, width);
  const lines: StyledLine[] = [];
  for (const paragraphLine of splitOnNewlines(segments)) {
    let line: Segment[] = [];
    let used = 0;
    for (const word of toWords(paragraphLine)) {
      const gap = used > 0 && word.spaced ? 1 : 0;
      if (used > 0 && used + gap + word.width > limit) {
        lines.push(line);
        line = [];
        used = 0;
      } else if (gap) {
        line.push({ text: ' ' });
        used += 1;
      }
      for (const piece of word.width > limit ? breakLongWord(word.pieces, limit - used, limit) : [word.pieces]) {
        if (piece === null) {
          lines.push(line);
          line = [];
          used = 0;
          continue;
        }
        line.push(...piece);
        used += piece.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
      }
    }
    lines.push(line);
  }
  return lines.map(mergeAdjacent);
}

function splitOnNewlines(segments: Segment[]): Segment[][] {
  const result: Segment[][] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) result.push([]);
      if (part) result[result.length - 1]!.push({ text: part, ...(segment.style ? { style: segment.style } : {}) });
    });
  }
  return result;
}

function toWords(segments: Segment[]): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let pendingSpace = false;
  for (const segment of segments) {
    for (const token of segment.text.split(/( +)/)) {
      if (!token) continue;
      if (token.startsWith(' ')) {
        pendingSpace = true;
        current = undefined;
        continue;
      }
      if (!current) {
        current = { pieces: [], width: 0, spaced: pendingSpace };
        words.push(current);
        pendingSpace = false;
      }
      current.pieces.push({ text: token, ...(segment.style ? { style: segment.style } : {}) });
      current.width += displayWidth(token);
    }
  }
  return words;
}

// Yields the word in chunks that fit; `null` marks a line break between chunks.
function breakLongWord(pieces: Segment[], firstRoom: number, limit: number): (Segment[] | null)[] {
  const chunks: (Segment[] | null)[] = [];
  let room = firstRoom;
  let chunk: Segment[] = [];
  if (room <= 0) {
    chunks.push(null);
    room = limit;
  }
  for (const piece of pieces) {
    let text = '';
    for (const char of piece.text) {
      const charWidth = displayWidth(char);
      if (charWidth > room && (text || chunk.length)) {
        if (text) chunk.push({ text, ...(piece.style ? { style: piece.style } : {}) });
        chunks.push(chunk, null);
        chunk = [];
        text = '';
        room = limit;
      }
      text += char;
      room -= charWidth;
    }
    if (text) chunk.push({ text, ...(piece.style ? { style: piece.style } : {}) });
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

function mergeAdjacent(line: StyledLine): StyledLine {
  const merged: StyledLine = [];
  for (const segment of line) {
    const last = merged[merged.length - 1];
    if (last && JSON.stringify(last.style) === JSON.stringify(segment.style)) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
