import { Box, Text } from 'ink';
import { bindingLabel, bindingsOf, type Feature, type Mode } from '../../keymap.js';
import { fitParts, fitText, padText } from '../../components/window.js';
import { useTheme } from '../../theme.js';

/** Section titles of the key tables in the help overlay. */
export const MODE_TITLES: Record<Mode, string> = {
  home: 'Browsing the cards', homeSearch: 'Typing a search', reader: 'Reading a card', readerSearch: 'Typing a find',
  picker: 'Choosing from a list', scenarios: 'Choosing a scenario', customQuery: 'Typing a name to resolve', simulator: 'Watching a resolution',
  whatIf: 'The what-if menu', transcript: 'Reading the transcript', split: 'Card and simulator side by side', help: 'This help',
};

/** The lines of the help for some key tables: a heading per table, then "keys  what they do". */
export function helpRows(modes: readonly Mode[], features: ReadonlySet<Feature>, glyphs: Parameters<typeof bindingLabel>[1]): { heading?: string; keys?: string; help?: string }[] {
  const rows: { heading?: string; keys?: string; help?: string }[] = [];
  for (const mode of modes) {
    if (rows.length > 0) rows.push({});
    rows.push({ heading: MODE_TITLES[mode] });
    for (const binding of bindingsOf(mode, features)) rows.push({ keys: bindingLabel(binding, glyphs), help: binding.help });
  }
  rows.push({}, { heading: 'Everywhere' }, { keys: 'Ctrl-C', help: 'quit at once (the terminal is restored)' });
  return rows;
}

/** The help overlay: the keys of the current screen, generated from the key table, scrollable. */
export function HelpOverlay({ title, modes, features, scroll, width, height }: { title: string; modes: readonly Mode[]; features: ReadonlySet<Feature>; scroll: number; width: number; height: number }) {
  const theme = useTheme();
  const rows = helpRows(modes, features, theme.glyphs);
  const view = Math.max(1, height - 4);
  const top = Math.min(scroll, Math.max(0, rows.length - view));
  const keyWidth = Math.min(24, Math.max(...rows.map((row) => row.keys?.length ?? 0)) + 2);
  const inner = Math.max(1, width - 4);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={theme.tone.accent} paddingX={1}>
      <Text bold>{fitText(`Keys: ${title}`, inner, theme.glyphs.ellipsis)}</Text>
      {rows.slice(top, top + view).map((row, index) =>
        row.heading ? (
          <Text key={index} bold color={theme.tone.accent}>{fitText(row.heading, inner, theme.glyphs.ellipsis)}</Text>
        ) : row.keys ? (
          <Text key={index}>
            {fitParts([padText(row.keys, keyWidth, theme.glyphs.ellipsis), row.help ?? ''], inner, theme.glyphs.ellipsis).map((part, at) => (
              <Text key={at} bold={at === 0}>{part}</Text>
            ))}
          </Text>
        ) : (
          <Text key={index}> </Text>
        ),
      )}
    </Box>
  );
}

/** How many rows the help has, so scrolling stops at its end. */
export function helpRowCount(modes: readonly Mode[], features: ReadonlySet<Feature>, glyphs: Parameters<typeof bindingLabel>[1]): number {
  return helpRows(modes, features, glyphs).length;
}
