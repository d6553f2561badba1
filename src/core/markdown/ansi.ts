import { stripControl } from '../text/sanitize.js';
import type { Colour, StyledLine, Style } from './styled-line.js';

/** The SGR foreground code of each theme colour. */
export const COLOUR_CODES: Record<Colour, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/** How styled lines become terminal text. */
export interface AnsiOptions {
  colour: boolean;
  hyperlinks: boolean;
}

/** Serialises styled lines to text, with SGR codes and OSC 8 links only when enabled. */
export function toTerminalText(lines: StyledLine[], options: AnsiOptions): string {
  return lines.map((line) => line.map((segment) => styleText(stripControl(segment.text), segment.style, options)).join('')).join('\n');
}

function styleText(text: string, style: Style | undefined, options: AnsiOptions): string {
  if (!style || !text) return text;
  let result = text;
  if (options.colour) {
    const codes = sgrCodes(style);
    if (codes.length) result = `\u001b[${codes.join(';')}m${result}\u001b[0m`;
  }
  if (options.hyperlinks && style.link) result = `\u001b]8;;${stripControl(style.link)}\u001b\\${result}\u001b]8;;\u001b\\`;
  return result;
}

function sgrCodes(style: Style): number[] {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.strike) codes.push(9);
  if (style.colour) codes.push(COLOUR_CODES[style.colour]);
  return codes;
}
