import { KeyHelpPanel, type KeyHelpRow } from '../../components/key-help-panel.js';
import { bindingLabel, bindingsOf, type Feature, type Mode } from '../../keymap.js';
import { useTheme } from '../../theme.js';

/** Section titles of the key tables in the help overlay. */
export const MODE_TITLES: Record<Mode, string> = {
  home: 'Browsing the cards', homeSearch: 'Typing a search', reader: 'Reading a card', readerSearch: 'Typing a find',
  picker: 'Choosing from a list', scenarios: 'Choosing a scenario', customQuery: 'Typing a name to resolve', simulator: 'Watching a resolution',
  whatIf: 'The what-if menu', transcript: 'Reading the transcript', split: 'Card and simulator side by side', help: 'This help',
  quizFlashcard: 'A flashcard', quizRevealed: 'A flashcard turned over', quizTyped: 'Typing an answer', quizChoice: 'Multiple choice',
  quizFeedback: 'After answering', quizSummary: 'The summary', quizReread: 'Sections to reread', stats: 'Reading the statistics', message: 'Waiting or a message',
};

/** The lines of the help for some key tables: a heading per table ("(now)" on those in force when others follow), then "keys  what they do". */
export function helpRows(modes: readonly Mode[], features: ReadonlySet<Feature>, glyphs: Parameters<typeof bindingLabel>[1], now: readonly Mode[] = []): KeyHelpRow[] {
  const rows: KeyHelpRow[] = [];
  for (const mode of modes) {
    if (rows.length > 0) rows.push({});
    rows.push({ heading: `${MODE_TITLES[mode]}${now.includes(mode) ? ' (now)' : ''}` });
    for (const binding of bindingsOf(mode, features)) rows.push({ keys: bindingLabel(binding, glyphs), help: binding.help });
  }
  return rows;
}

/** What the overlay shows: whose keys, which tables, which of them are in force, and how far it is scrolled. */
export interface HelpOverlayProps {
  title: string;
  modes: readonly Mode[];
  now?: readonly Mode[];
  features: ReadonlySet<Feature>;
  scroll: number;
  width: number;
  height: number;
}

/** The help overlay: the keys of the current screen, generated from the key table, scrollable. */
export function HelpOverlay({ title, modes, now = [], features, scroll, width, height }: HelpOverlayProps) {
  const theme = useTheme();
  return <KeyHelpPanel title={`Keys: ${title}`} rows={helpRows(modes, features, theme.glyphs, now)} top={scroll} width={width} height={height} />;
}

/** How many rows the help has, so scrolling stops at its end. */
export function helpRowCount(modes: readonly Mode[], features: ReadonlySet<Feature>, glyphs: Parameters<typeof bindingLabel>[1]): number {
  return helpRows(modes, features, glyphs).length;
}
