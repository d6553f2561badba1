import { Box, Text } from 'ink';
import { useListWindow } from '../hooks/use-list-window.js';
import { useTheme } from '../theme.js';
import { displayWidth } from '../../core/markdown/wrap.js';
import { padText } from './window.js';

/** One choice of a picker: its label and an optional dim note after it. */
export interface PickerItem {
  key: string;
  label: string;
  note?: string;
}

/** A titled, bordered, windowed list of choices with the selected one marked. */
export function PickerView({ title, items, cursor, width, height }: { title: string; items: PickerItem[]; cursor: number; width: number; height: number }) {
  const theme = useTheme();
  const rows = Math.max(1, height - 3);
  const start = useListWindow(cursor, rows, items.length);
  const inner = Math.max(4, width - 4);
  // Labels share one width so the notes line up in a column.
  const labelWidth = Math.min(inner, Math.max(0, ...items.map((item) => displayWidth(item.label))) + 2);
  return (
    <Box flexDirection="column" borderStyle={theme.border} borderColor={theme.tone.accent} width={width} height={Math.min(height, items.length + 3)} paddingX={1}>
      <Text bold wrap="truncate-end">{title}</Text>
      {items.slice(start, start + rows).map((item, offset) => {
        const selected = start + offset === cursor;
        const label = `${selected ? theme.glyphs.pointer : ' '} ${item.label}`;
        return (
          <Text key={item.key} wrap="truncate-end">
            <Text bold={selected} inverse={selected && theme.colour} color={selected ? theme.tone.accent : undefined}>{padText(label, labelWidth, theme.glyphs.ellipsis)}</Text>
            {item.note ? <Text dimColor>{`  ${item.note}`}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
