import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { fitText } from './window.js';

/** A one-line text box: a label, the text (its end kept in view) and a cursor when focused. */
export function TextInputLine({ label, value, focused, placeholder, width }: { label: string; value: string; focused: boolean; placeholder?: string; width: number }) {
  const theme = useTheme();
  const room = Math.max(1, width - label.length - 2);
  const shown = value.length > room ? theme.glyphs.ellipsis + value.slice(-(room - theme.glyphs.ellipsis.length)) : value;
  return (
    <Text wrap="truncate-end">
      <Text bold={focused} color={focused ? theme.tone.accent : theme.tone.muted}>{label}</Text>
      <Text> </Text>
      {value === '' && !focused && placeholder ? <Text dimColor>{fitText(placeholder, room)}</Text> : <Text>{shown}</Text>}
      {focused ? <Text color={theme.tone.accent}>{theme.glyphs.cursor}</Text> : null}
    </Text>
  );
}
