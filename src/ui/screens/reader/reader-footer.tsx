import { Text } from 'ink';
import { TextInputLine } from '../../components/text-input-line.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import type { ReaderState } from './reader-state.js';

/** The reader's bottom line: the find box while typing, else a notice, the match count or a hint. */
export function ReaderFooter({ state, matchCount, width, hasScenario }: { state: ReaderState; matchCount: number; width: number; hasScenario: boolean }) {
  const theme = useTheme();
  if (state.find.editing) return <TextInputLine label="Find:" value={state.find.draft} focused width={width} />;
  const where = state.find.index >= 0 ? `match ${state.find.index + 1} of ${matchCount}` : `${matchCount} match${matchCount === 1 ? '' : 'es'}`;
  if (state.notice) {
    const text = state.find.query && matchCount > 0 ? `${state.notice} (${where})` : state.notice;
    return <Text color={theme.tone.warn} wrap="truncate-end">{fitText(text, width, theme.glyphs.ellipsis)}</Text>;
  }
  if (state.find.query) return <Text dimColor wrap="truncate-end">{fitText(`"${state.find.query}": ${where}  (n next, N previous)`, width, theme.glyphs.ellipsis)}</Text>;
  if (!hasScenario) return <Text> </Text>;
  return <Text dimColor wrap="truncate-end">{fitText("This card has a scenario: press s to watch it run beside the card.", width, theme.glyphs.ellipsis)}</Text>;
}
