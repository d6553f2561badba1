import { COLOUR_CODES } from '../../core/markdown/ansi.js';
import type { StyledLine, Style } from '../../core/markdown/styled-line.js';

// Attribute codes and the codes that end them, as chalk writes them: a Text around this one (chalk)
// re-opens its own style after each of these closers, so nesting keeps the outer style.
const ATTRIBUTES: [keyof Style, number, number][] = [
  ['bold', 1, 22],
  ['dim', 2, 22],
  ['italic', 3, 23],
  ['underline', 4, 24],
  ['inverse', 7, 27],
  ['strike', 9, 29],
];

/**
 * One styled line as a single string with SGR codes, so a line of many runs is one Ink Text rather
 * than one Text per run (each a component, a node and a chalk call on every frame). Without colour
 * the line is plain text, as Ink's chalk writes it then.
 */
export function ansiLine(line: StyledLine, colour: boolean): string {
  let text = '';
  for (const segment of line) {
    const style = segment.style;
    if (!colour || !style || segment.text === '') {
      text += segment.text;
      continue;
    }
    let open = '';
    let close = '';
    for (const [name, on, off] of ATTRIBUTES) {
      if (!style[name]) continue;
      open += `\u001b[${on}m`;
      close = `\u001b[${off}m${close}`;
    }
    if (style.colour) {
      open += `\u001b[${COLOUR_CODES[style.colour]}m`;
      close = `\u001b[39m${close}`;
    }
    text += open + segment.text + close;
  }
  return text;
}
