import { eastAsianWidth } from 'get-east-asian-width';

// Printable ASCII and every other character isPlainNarrow counts as one column (the soft hyphen, U+00AD, is not one
// of them): a text of only these, such as a card's with its dashes, arrows and box drawing, is as wide as it is long,
// checked by the regular expression engine rather than a loop over its characters (1-1.5 ms of the home and quiz
// screens' first frames, where most texts are not pure ASCII).
const PLAIN_NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2319\u23f1\u23f8\u2500-\u25fc\u2713\u2717]*$/;
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

// Latin letters and the punctuation, arrows and box drawing swelearn prints itself (… · § — → │), and its own
// marks (⏱ ⏸ ✓ ✗, which need U+FE0F to be drawn as emoji), are one column wide and neither marks nor emoji:
// answered without the Unicode tables and patterns, whose first use costs more at start-up than a whole search (the
// quiz screen's timer alone had its first frame pay about 2 ms for them).
function isPlainNarrow(code: number): boolean {
  return (
    (code <= 0x2ff && code !== 0xad) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x2190 && code <= 0x2319) ||
    code === 0x23f1 ||
    code === 0x23f8 ||
    (code >= 0x2500 && code <= 0x25fc) ||
    code === 0x2713 ||
    code === 0x2717
  );
}
