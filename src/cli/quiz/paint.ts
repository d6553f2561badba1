import { toTerminalText } from '../../core/markdown/ansi.js';
import type { Segment, Style } from '../../core/markdown/styled-line.js';
import { wrapSegments } from '../../core/markdown/wrap.js';

/** Styles text for the terminal, with colour only when enabled (NO_COLOR, --no-color, not a TTY). */
export function paint(colour: boolean) {
  const one = (text: string, style?: Style) => toTerminalText([[{ text, ...(style ? { style } : {}) }]], { colour, hyperlinks: false });
  /** Wraps segments to the width with a hanging indent. */
  const block = (segments: Segment[], width: number, indent = 2) =>
    wrapSegments(segments, Math.max(20, width - indent)).map((line) => `${' '.repeat(indent)}${toTerminalText([line], { colour, hyperlinks: false })}`).join('\n');
  return { one, block };
}
