import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { Card } from '../../../core/cards/types.js';
import { TextInputLine } from '../../components/text-input-line.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useNavigator } from '../../nav.js';
import { useServices } from '../../services.js';
import type { ScreenProps } from '../../screen-props.js';
import { useTheme } from '../../theme.js';
import { CardListView } from './card-list-view.js';
import { CardPreview } from './card-preview.js';
import { groupByTopic, listRows } from './home-rows.js';
import { homeReducer, type HomeAction, type HomeState } from './home-state.js';
import { ResultListView } from './result-list-view.js';
import { RESULT_LIMIT, searchEngineFor, searchHome, warmSearchIndex, type SearchEngine } from './search-cache.js';
import { useStudyBadges } from '../../hooks/use-study-badges.js';

/** Columns from which the selected card is previewed beside the list. */
export const PREVIEW_MIN_COLUMNS = 100;
const PREVIEW_DELAY_MS = 60;

/** Home: browse the cards by topic, or search them live; Enter opens a card. */
export function HomeScreen({ state, setState, latest, live, width, height }: ScreenProps<HomeState>) {
  const theme = useTheme();
  const nav = useNavigator();
  const { cards, searchIndex } = useServices();
  const browse = useMemo(() => listRows(groupByTopic(cards)), [cards]);
  const [search, setSearch] = useState<SearchEngine | undefined>(() => searchEngineFor(cards));
  // The index loads once the first frame is up, so start-up never waits for it and the first keystroke does not either.
  useEffect(() => {
    let cancelled = false;
    const handle = setTimeout(() => void warmSearchIndex(cards, searchIndex, setSearch, () => cancelled), 20);
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [cards, searchIndex]);
  const badgeOf = useStudyBadges();
  const results = useMemo(() => (search ? searchHome(search, state.query) : []), [search, state.query]);
  const searching = state.query.trim() !== '';
  const listHeight = Math.max(1, height - 3);
  const preview = width >= PREVIEW_MIN_COLUMNS;
  const listWidth = preview ? Math.floor(width * 0.55) : width;
  const dispatch = (action: HomeAction) => setState((current) => homeReducer(current, action));
  const page = searching ? Math.max(1, Math.floor(listHeight / 2)) : listHeight;

  // Keys read the state as of now: within one fast read, the results may already be for a longer query.
  const open = () => {
    const now = latest();
    const engine = searchEngineFor(cards);
    if (now.query.trim()) {
      const result = engine ? searchHome(engine, now.query)[now.cursor] : undefined;
      if (result) nav.openCard(result.card.id, result.section.name);
    } else {
      const card = browse.cards[now.cursor];
      if (card) nav.openCard(card.id);
    }
  };
  const countNow = () => {
    const engine = searchEngineFor(cards);
    if (!latest().query.trim()) return browse.cards.length;
    return engine ? searchHome(engine, latest().query).length : 0;
  };

  useKeys(
    'home',
    ({ action }) => {
      switch (action) {
        case 'up': case 'down': case 'pageUp': case 'pageDown': case 'first': case 'last':
          return dispatch({ type: 'move', to: action, count: countNow(), page });
        case 'open': return open();
        case 'search': return dispatch({ type: 'focusSearch' });
        case 'clearSearch': return latest().query ? dispatch({ type: 'clearSearch' }) : undefined;
        case 'simulator': return nav.openSimulator();
        case 'quiz': return nav.openQuiz();
        case 'stats': return nav.openStats();
        case 'help': return nav.showHelp();
        case 'quit': return nav.quit(0);
      }
    },
    { isActive: () => live() && latest().focus === 'list' },
  );
  useKeys(
    'homeSearch',
    ({ action }) => {
      switch (action) {
        case 'up': case 'down': return dispatch({ type: 'move', to: action, count: countNow(), page });
        case 'open': return open();
        case 'toList': return dispatch({ type: 'toList' });
        case 'cancel': return dispatch({ type: 'clearSearch' });
        case 'erase': return dispatch({ type: 'edit', edit: { type: 'erase' } });
        case 'eraseWord': return dispatch({ type: 'edit', edit: { type: 'eraseWord' } });
        case 'clear': return dispatch({ type: 'edit', edit: { type: 'clear' } });
      }
    },
    { isActive: () => live() && latest().focus === 'search', onText: (edit) => dispatch({ type: 'edit', edit }) },
  );

  const selectedCard = searching ? results[state.cursor]?.card : browse.cards[state.cursor];
  const topics = new Set(cards.map((card) => card.topic)).size;
  const summary = searching && !search ? `searching${theme.glyphs.ellipsis}` : searching ? `${results.length}${results.length === RESULT_LIMIT ? '+' : ''} result${results.length === 1 ? '' : 's'}` : `${cards.length} cards ${theme.glyphs.separator} ${topics} topic${topics === 1 ? '' : 's'}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box width={width}>
        <Box flexGrow={1}>
          <TextInputLine label={state.focus === 'search' ? 'Search:' : '/'} value={state.query} focused={state.focus === 'search'} placeholder="search cards (fuzzy)" width={width - summary.length - 2} />
        </Box>
        <Text dimColor>{summary}</Text>
      </Box>
      <Text dimColor wrap="truncate-end">{theme.glyphs.lineH.repeat(Math.max(0, width))}</Text>
      <Box height={listHeight + 1} flexDirection="row">
        {cards.length === 0 ? (
          <EmptyLibrary />
        ) : searching ? (
          <ResultListView results={results} query={state.query} cursor={state.cursor} width={listWidth} height={listHeight + 1} loading={!search} />
        ) : (
          <CardListView rows={browse.rows} cursor={state.cursor} width={listWidth} height={listHeight + 1} badgeOf={badgeOf} />
        )}
        {preview ? <DeferredPreview card={selectedCard} sectionName={searching ? results[state.cursor]?.section.name : undefined} typing={state.query} width={width - listWidth} height={listHeight + 1} /> : null}
      </Box>
    </Box>
  );
}

// The preview follows the selection a moment later, so a keystroke repaints the list at once and the
// Markdown of the preview is rendered only when typing pauses, as fzf's preview does: every change
// of `typing` (the query) starts the wait again, so a preview never lands between two keystrokes.
function DeferredPreview({ card, sectionName, typing, width, height }: { card: Card | undefined; sectionName?: string; typing: string; width: number; height: number }) {
  const { timer } = useServices();
  const [shown, setShown] = useState({ card, sectionName });
  useEffect(() => {
    if (shown.card === card && shown.sectionName === sectionName) return;
    const handle = timer.setTimeout(() => setShown({ card, sectionName }), PREVIEW_DELAY_MS);
    return () => timer.clearTimeout(handle);
  }, [card, sectionName, shown, typing, timer]);
  return <CardPreview card={shown.card} sectionName={shown.sectionName} width={width} height={height} />;
}

function EmptyLibrary() {
  return (
    <Box flexDirection="column">
      <Text>No cards found.</Text>
      <Text dimColor>Run `swelearn paths` to see where cards are read from, or pass --content DIR.</Text>
    </Box>
  );
}
