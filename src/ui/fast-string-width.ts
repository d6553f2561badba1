import stripAnsi from 'strip-ansi';
import { displayWidth } from '../core/text/display-width.js';

/**
 * Stands in for string-width inside the bundle (scripts/build.mjs aliases it), so Ink's layout,
 * which measures every text node on every frame, avoids Intl.Segmenter: with box drawing and
 * markers on nearly every line, that segmentation was the largest cost of a keystroke.
 */
export default function stringWidth(input: string, options: { countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const text = !options.countAnsiEscapeCodes && (input.includes('\u001b') || input.includes('\u009b')) ? stripAnsi(input) : input;
  return displayWidth(text);
}
