import { displayWidth } from '../../core/text/display-width.js';

/** Pads or cuts a string to exactly `width` terminal columns, ending cut text with an ellipsis. */
export function fitColumn(text: string, width: number): string {
  if (width <= 0) return '';
  const actual = displayWidth(text);
  if (actual <= width) return text + ' '.repeat(width - actual);
  let result = '';
  let used = 0;
  for (const char of text) {
    const charWidth = displayWidth(char);
    if (used + charWidth > width - 1) break;
    result += char;
    used += charWidth;
  }
  return result + '…' + ' '.repeat(Math.max(0, width - used - 1));
}
