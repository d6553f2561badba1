import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { sliceSimpleLine } from './slice-simple-line.js';

/**
 * Stands in for Ink 6.8's `build/output.js` inside the bundle (scripts/esbuild-plugins.mjs swaps it
 * in), with Ink 7.0's fix for a wide character that a later write half covers (see paintRow). Ink's
 * Output paints every write of a frame into a grid of styled cells and turns every row back into an
 * ANSI string, re-tokenising each line, on every frame: that was most of a keystroke's cost. This
 * one produces the same text (test/ui/ink-patches/row-cached-output.test.ts compares the two on
 * random frames, Ink's with #930 applied), but remembers each row by the writes that made it, across
 * frames, so a row that did not change costs one string key instead of a cell grid. The class's
 * name is how test/cli/package.test.ts recognises it in the shipped bundle.
 */

type Transformer = (line: string, index: number) => string;
type Clip = { x1?: number; x2?: number; y1?: number; y2?: number };
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };
type Piece = { x: number; line: string };

/** A map that forgets everything once it holds `limit` entries: frames reuse a few hundred rows, so a rare reset is cheaper than LRU upkeep. */
class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}

const rowTexts = new BoundedCache<string>(4096);
// A line's cells are an object each (about 4 KB a line), and are only needed to paint a row not seen before.
const styledCharsOfLine = new BoundedCache<StyledChar[]>(1024);
const widths = new BoundedCache<number>(8192);
const widestLines = new BoundedCache<number>(2048);

const sgrTokens = new BoundedCache<AnsiCode[]>(1024);

// A frame steps through a few distinct styles many times (each row's colours, resets and dims): each style list is
// made once from the one before and an SGR sequence, and the text that goes from one list to another is made once,
// instead of ansi-tokenize's reduce and diff (sets, filters and copies) at every change of style of every new row.
const styleKeys = new WeakMap<AnsiCode[], string>();
const styleKey = (codes: AnsiCode[]): string => {
  let key = styleKeys.get(codes);
  if (key === undefined) styleKeys.set(codes, (key = codes.map((code) => code.code).join('')));
  return key;
};
const stylesAfterSgr = new BoundedCache<AnsiCode[]>(1024);
const styleChanges = new BoundedCache<string>(1024);
const styleOpenings = new BoundedCache<string>(256);

/** The styles after `codes` and the SGR sequence `sgr`, as reduceAnsiCodesIncremental makes them (never mutated). */
function stylesAfter(codes: AnsiCode[], sgr: string): AnsiCode[] {
  const key = `${styleKey(codes)}\u0000${sgr}`;
  return stylesAfterSgr.get(key) ?? stylesAfterSgr.set(key, reduceAnsiCodesIncremental(codes, sgrTokens.get(sgr) ?? sgrTokens.set(sgr, tokenize(sgr) as AnsiCode[])));
}

/** ansiCodesToString(diffAnsiCodes(from, to)): the codes that turn the style `from` into `to`. */
function styleChange(from: AnsiCode[], to: AnsiCode[]): string {
  const key = `${styleKey(from)}\u0000${styleKey(to)}`;
  return styleChanges.get(key) ?? styleChanges.set(key, ansiCodesToString(diffAnsiCodes(from, to)));
}

/** ansiCodesToString(codes): the codes that open the style `codes` at the start of a row. */
function styleOpening(codes: AnsiCode[]): string {
  const key = styleKey(codes);
  return styleOpenings.get(key) ?? styleOpenings.set(key, ansiCodesToString(codes));
}

// Printable ASCII, Latin-1 and Latin Extended-A/B, general punctuation (… ·), arrows, box drawing and
// geometric shapes but the two wide ones, and SGR sequences: every one of these characters is a
// grapheme of its own next to any other, and not full-width (the test checks each one against Ink).
const SIMPLE_LINE = /^(?:[\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u25ff]|\u001b\[[0-9;]*m)*$/;
const SGR_OR_TEXT = /\u001b\[[0-9;]*m|[^\u001b]+/g;

/**
 * A line as styled cells, as ansi-tokenize's styledCharsFromTokens(tokenize(line)) makes them. Its
 * tokenizer segments graphemes with Intl.Segmenter and copies the style list for every character,
 * the slowest part of painting a new row (and of the first frame). Lines of such characters and SGR,
 * nearly all of them, are split here instead: each SGR sequence is still tokenised and reduced by the library,
 * and a run of characters in one style shares one style list, which nothing mutates.
 */
function styledCharsOf(line: string): StyledChar[] {
  if (!SIMPLE_LINE.test(line)) return styledCharsFromTokens(tokenize(line));
  const chars: StyledChar[] = [];
  let codes: AnsiCode[] = BLANK.styles;
  for (const [part] of line.matchAll(SGR_OR_TEXT)) {
    if (part.charCodeAt(0) === 0x1b) {
      codes = stylesAfter(codes, part);
      continue;
    }
    const styles = [...codes];
    for (const value of part) chars.push({ type: 'char', value, fullWidth: false, styles });
  }
  return chars;
}

const styledChars = (line: string): StyledChar[] => styledCharsOfLine.get(line) ?? styledCharsOfLine.set(line, styledCharsOf(line));

const sameStyles = (a: AnsiCode[], b: AnsiCode[]): boolean => a === b || (a.length === b.length && a.every((code, index) => code.code === b[index]!.code));

/** ansi-tokenize's styledCharsToString, skipping the diff between neighbours whose styles are the same (the diff is then empty). */
function styledCharsToString(chars: StyledChar[]): string {
  let text = '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    if (index === 0) text += styleOpening(char.styles);
    else if (!sameStyles(chars[index - 1]!.styles, char.styles)) text += styleChange(chars[index - 1]!.styles, char.styles);
    text += char.value;
    if (index === chars.length - 1) text += styleChange(char.styles, BLANK.styles);
  }
  return text;
}
const widthOf = (text: string): number => widths.get(text) ?? widths.set(text, stringWidth(text));

function widestLine(text: string): number {
  const cached = widestLines.get(text);
  if (cached !== undefined) return cached;
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
  return widestLines.set(text, widest);
}

// Never mutated, so one blank cell serves every empty cell of every row.
const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) as unknown as AnsiCode[] });

/**
 * Paints one row's pieces into cells as Ink's Output does, then serialises the row. Ink starts from a
 * full row of blank cells and trims the serialised row's end; blanks after the last painted cell only
 * add spaces that trim removes, so they are never made.
 *
 * A wide character fills its first cell and leaves '' in the next. Ink 6.8 lets a later piece cover
 * one of the two and keep the other, so the row prints a column too many or too few; Ink 7.0 (PR
 * #930) blanks the half that is left, as here: a piece that starts on a wide character's second cell
 * blanks its first, and one that ends on a first cell blanks the second. A piece of no characters
 * (clipped away) covers nothing and blanks nothing.
 */
function paintRow(width: number, pieces: Piece[]): string {
  const simple = simpleInColumnOrder(width, pieces);
  if (simple) return paintSimpleRow(simple);
  const row: (StyledChar | undefined)[] = [];
  for (const piece of pieces) {
    const characters = styledChars(piece.line);
    if (characters.length === 0) continue;
    let offsetX = piece.x;
    if (row[offsetX]?.value === '' && offsetX > 0 && widthOf(row[offsetX - 1]?.value ?? '') > 1) row[offsetX - 1] = BLANK;
    for (const character of characters) {
      row[offsetX] = character;
      const characterWidth = Math.max(1, widthOf(character.value));
      for (let index = 1; index < characterWidth; index++) row[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
      offsetX += characterWidth;
    }
    if (row[offsetX]?.value === '') row[offsetX] = BLANK;
  }
  const cells: StyledChar[] = [];
  for (let x = 0; x < row.length; x++) {
    const cell = row[x] ?? (x < width ? BLANK : undefined);
    if (cell) cells.push(cell);
  }
  return styledCharsToString(cells).trimEnd();
}

/**
 * A row's pieces in column order when each is simple characters (one cell each) starting inside the row and none
 * overlaps another (nearly every row: one piece, or the home screen's list beside its preview): paintSimpleRow then
 * gives paintRow's text. Pieces of no characters cover nothing and are left out. Undefined for any other row.
 */
type PlacedPiece = Piece & { end: number };

function simpleInColumnOrder(width: number, pieces: Piece[]): PlacedPiece[] | undefined {
  const placed: PlacedPiece[] = [];
  for (const piece of pieces) {
    if (piece.x < 0 || piece.x >= width || !SIMPLE_LINE.test(piece.line)) return undefined;
    const cells = simpleCells(piece.line);
    if (cells > 0) placed.push({ ...piece, end: piece.x + cells });
  }
  placed.sort((a, b) => a.x - b.x);
  for (let index = 1; index < placed.length; index++) if (placed[index]!.x < placed[index - 1]!.end) return undefined;
  return placed;
}

// The cells a simple line covers: its characters, without its SGR sequences (every escape in it starts one, ending at m).
function simpleCells(line: string): number {
  let cells = line.length;
  for (let escape = line.indexOf('\u001b'); escape !== -1; escape = line.indexOf('\u001b', escape + 1)) {
    const end = line.indexOf('m', escape);
    cells -= end - escape + 1;
    escape = end;
  }
  return cells;
}

/**
 * paintRow for simple pieces in column order that do not overlap (nearly every row of a frame, and every row of the
 * first): the same text, serialised a run of one style at a time, as styledCharsToString serialises the cells (blank
 * ones before and between the pieces, then one per character), without making the cells.
 */
function paintSimpleRow(pieces: readonly PlacedPiece[]): string {
  let text = '';
  let previous: AnsiCode[] | undefined;
  let column = 0;
  const run = (styles: AnsiCode[], characters: string): void => {
    if (previous === undefined) text += styleOpening(styles);
    else if (!sameStyles(previous, styles)) text += styleChange(previous, styles);
    text += characters;
    previous = styles;
  };
  for (const { x, line, end } of pieces) {
    if (x > column) run(BLANK.styles, ' '.repeat(x - column));
    let codes: AnsiCode[] = BLANK.styles;
    for (const [part] of line.matchAll(SGR_OR_TEXT)) {
      if (part.charCodeAt(0) === 0x1b) codes = stylesAfter(codes, part);
      else run(codes, part);
    }
    column = end;
  }
  // A row whose pieces cover nothing is empty, as paintRow leaves it.
  if (previous === undefined) return '';
  return (text + styleChange(previous, BLANK.styles)).trimEnd();
}

export default class RowCachedOutput {
  readonly width: number;
  readonly height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const pieces: Piece[][] = Array.from({ length: this.height }, () => []);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      else if (operation.type === 'unclip') clips.pop();
      else this.place(operation, clips.at(-1), pieces);
    }
    const rows = pieces.map((rowPieces) => {
      if (rowPieces.length === 0) return '';
      let key = String(this.width);
      for (const piece of rowPieces) key += `|${piece.x},${piece.line.length},${piece.line}`;
      return rowTexts.get(key) ?? rowTexts.set(key, paintRow(this.width, rowPieces));
    });
    return { output: rows.join('\n'), height: this.height };
  }

  /** Clips one write and files its lines under the rows they land on, with Ink's rules (a line that falls off the grid drops the rest of its write). */
  private place(operation: Extract<Operation, { type: 'write' }>, clip: Clip | undefined, pieces: Piece[][]): void {
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
      if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) return;
      if (clipHorizontally) {
        const left = clip.x1!;
        const right = clip.x2!;
        lines = lines.map((line) => {
          const from = x < left ? left - x : 0;
          const width = widthOf(line);
          const to = x + width > right ? right - x : width;
          return sliceSimpleLine(line, from, to) ?? sliceAnsi(line, from, to);
        });
        if (x < left) x = left;
      }
      if (clipVertically) {
        const from = y < clip.y1! ? clip.y1! - y : 0;
        const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
        lines = lines.slice(from, to);
        if (y < clip.y1!) y = clip.y1!;
      }
    }
    let offsetY = 0;
    for (const [index, original] of lines.entries()) {
      const row = pieces[y + offsetY];
      if (!row) continue;
      let line = original;
      for (const transformer of transformers) line = transformer(line, index);
      row.push({ x, line });
      offsetY++;
    }
  }
}
