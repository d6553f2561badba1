import type { StyledLine } from '../../core/markdown/styled-line.js';
import { StyledLineText } from './styled-line-text.js';
import { useTheme } from '../theme.js';
import { fitText } from './window.js';

/** A one-line text box: a label, the text (its end kept in view) and a cursor when focused. */
export function TextInputLine({ label, value, focused, placeholder, width }: { label: string; value: string; focused: boolean; placeholder?: string; width: number }) {
  const theme = useTheme();
  const room = Math.max(1, width - label.length - 2);
  const shown = value.length > room ? theme.glyphs.ellipsis + value.slice(-(room - theme.glyphs.ellipsis.length)) : value;
  const line: StyledLine = [{ text: label, style: { bold: focused, colour: focused ? theme.tone.accent : theme.tone.muted } }, { text: ' ' }];
  line.push(value === '' && !focused && placeholder ? { text: fitText(placeholder, room), style: { dim: true } } : { text: shown });
  if (focused) line.push({ text: theme.glyphs.cursor, style: { colour: theme.tone.accent } });
  return <StyledLineText line={line} />;
}
