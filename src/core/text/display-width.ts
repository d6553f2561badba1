import { eastAsianWidth } from 'get-east-asian-width';

// Code points one column wide that are neither marks nor emoji: printable ASCII, Latin (without the soft hyphen,
// U+00AD), the punctuation, arrows and box drawing swelearn prints itself (… · § — → │), and its own marks (⏱ ⏸ ✓ ✗,
// which need U+FE0F to be drawn as emoji). One table for the whole-text check and the per-character one.
const PLAIN_NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x2319], [0x23f1, 0x23f1],
  [0x23f8, 0x23f8], [0x2500, 0x25fc], [0x2713, 0x2713], [0x2717, 0x2717],
];
const escaped = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
// A text of only these is as wide as it is long, checked by the regular expression engine rather than a loop over its
// characters (1-1.5 ms of the home and quiz screens' first frames, where most texts are not pure ASCII).
const PLAIN_NARROW = new RegExp(`^[${PLAIN_NARROW_RANGES.map(([from, to]) => `${escaped(from)}-${escaped(to)}`).join('')}]*$`);
// Marks and format characters take no column; pictographs are drawn two columns wide.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const ZWJ = 0x200d;
const VARIATION_SELECTOR_16 = 0xfe0f;

/**
 * Terminal columns a string occupies. Printable ASCII and Latin, punctuation, arrows and box drawing,
 * nearly all card text, is answered from its length; other text uses the Unicode East Asian Width
 * table, with marks and format characters counting zero and a pictograph joined by ZWJ counting once.
 * (string-width segments graphemes with Intl.Segmenter, whose set-up alone costs about 20 ms at
 * start-up.)
 */
export function displayWidth(text: string): number {
  if (PLAIN_NARROW.test(text)) return text.length;
  let width = 0;
  let previous = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      // Control characters draw nothing (they are removed from card text before this).
    } else if (previous !== ZWJ && isPlainNarrow(code)) {
      width += 1;
    } else if (code === VARIATION_SELECTOR_16) {
      // VS16 asks for emoji presentation: a symbol drawn one column wide as text becomes two.
      const base = String.fromCodePoint(previous);
      if (previous && PICTOGRAPH.test(base) && !EMOJI_PRESENTATION.test(base) && eastAsianWidth(previous) === 1) width += 1;
    } else if (ZERO_WIDTH.test(char)) {
      // combining marks, ZWJ, other format characters
    } else if (previous === ZWJ && PICTOGRAPH.test(char)) {
      // joined into the pictograph before it
    } else {
      width += EMOJI_PRESENTATION.test(char) ? 2 : eastAsianWidth(code);
    }
    previous = code;
  }
  return width;
}

// Answered without the Unicode tables and patterns, whose first use costs more at start-up than a whole search (the
// quiz screen's timer alone had its first frame pay about 2 ms for them). Control characters never reach it.
function isPlainNarrow(code: number): boolean {
  return PLAIN_NARROW_RANGES.some(([from, to]) => code >= from && code <= to);
}
