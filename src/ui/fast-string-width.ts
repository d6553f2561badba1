import stripAnsi from 'strip-ansi';
import { displayWidth } from '../core/text/display-width.js';
import { onlySgrControls } from './ink-patches/sgr-only-text.js';

// SGR sequences, the only escapes in a text onlySgrControls accepts; strip-ansi removes exactly these from it.
const SGR = /\u001b\[[0-9:;]*m/g;

/**
 * Stands in for string-width inside the bundle (scripts/build.mjs aliases it), so Ink's layout,
 * which measures every text node on every frame, avoids Intl.Segmenter: with box drawing and
 * markers on nearly every line, that segmentation was the largest cost of a keystroke. A text whose
 * only escapes are SGR sequences (the app's colours) has them cut with one small pattern: strip-ansi's,
 * which matches every kind of escape, cost about 1 ms of the quiz screen's first frame.
 */
export default function stringWidth(input: string, options: { countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const text = !options.countAnsiEscapeCodes && (input.includes('\u001b') || input.includes('\u009b')) ? withoutEscapes(input) : input;
  return displayWidth(text);
}

function withoutEscapes(input: string): string {
  return onlySgrControls(input) ? input.replace(SGR, '') : stripAnsi(input);
}
