import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Card } from '../../../core/cards/types.js';
import { PickerView, type PickerItem } from '../../components/picker-view.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useNavigator } from '../../nav.js';
import { useServices } from '../../services.js';
import type { ScreenProps } from '../../screen-props.js';
import { findInLines } from './find-in-lines.js';
import { ReaderBody } from './reader-body.js';
import { ReaderFooter } from './reader-footer.js';
import { ReaderHeader } from './reader-header.js';
import { readerReducer, remapTop, type ReaderAction, type ReaderLayout, type ReaderPicker, type ReaderState } from './reader-state.js';
import { readingWidth, renderedCard } from './rendered-card-cache.js';
import { useTheme } from '../../theme.js';
import { scenarioTitle } from '../simulator/scenario-catalog.js';

/** What the reader does with its "run the scenario" key: beside it (standalone) or in the other pane (split). */
export interface ReaderProps extends ScreenProps<ReaderState> {
  onScenario?: (cardId: string, scenarioId: string) => void;
}

/** The reader: a card rendered for the terminal, scrolled, searched, with links to related cards and its scenario. */
export function ReaderScreen(props: ReaderProps) {
  const { cards } = useServices();
  const card = useMemo(() => cards.find((candidate) => candidate.id === props.state.cardId), [cards, props.state.cardId]);
  if (!card) return <MissingCard id={props.state.cardId} width={props.width} height={props.height} live={props.live} />;
  return <CardReader {...props} card={card} />;
}

function CardReader({ card, state, setState, latest, live, width, height, onScenario }: ReaderProps & { card: Card }) {
  const theme = useTheme();
  const nav = useNavigator();
  const { cards } = useServices();
  const textWidth = readingWidth(width);
  const rendered = renderedCard(card, textWidth, theme.ascii);
  const lines = rendered.lines;
  const matches = useMemo(() => findInLines(lines, state.find.query), [lines, state.find.query]);
  const pickerItems = usePickerItems(card, state, cards);
  const pickerHeight = state.picker ? Math.min(Math.max(4, Math.floor((height - 2) / 2)), pickerItems.length + 3) : 0;
  const viewHeight = Math.max(1, height - 2 - pickerHeight);
  const pendingTop = state.pendingSection ? rendered.sectionStarts.find((start) => start.name === state.pendingSection)?.line : undefined;
  const maxTop = Math.max(0, lines.length - viewHeight);
  const topOf = (current: ReaderState) => {
    if (current.pendingSection && pendingTop !== undefined) return Math.min(pendingTop, maxTop);
    const followed = current.width && current.width !== textWidth ? remapTop(current.top, renderedCard(card, current.width, theme.ascii), rendered) : current.top;
    return Math.min(followed, maxTop);
  };
  const top = topOf(state);
  const layout: ReaderLayout = { lineCount: lines.length, viewHeight, sectionStarts: rendered.sectionStarts, matches, top, width: textWidth, pickerSize: pickerItems.length };
  // A key may follow another in the same read: the layout's top is re-derived from the state as it is now.
  const dispatch = (action: ReaderAction, extra?: Partial<ReaderLayout>) => setState((current) => readerReducer(current, action, { ...layout, top: topOf(current), ...extra }));

  const openScenario = (scenarioId: string) => (onScenario ? onScenario(card.id, scenarioId) : nav.openCardWithScenario(card.id, scenarioId));
  const simulate = () => {
    if (card.sim.length === 0) return dispatch({ type: 'notice', text: 'this card has no scenario; the simulator is on the home screen (s)' });
    if (card.sim.length === 1) return openScenario(card.sim[0]!);
    return dispatch({ type: 'pickerOpen', kind: 'scenario' });
  };

  useKeys(
    'reader',
    ({ action, input }) => {
      switch (action) {
        case 'lineUp': case 'lineDown': case 'pageUp': case 'pageDown': case 'halfUp': case 'halfDown': case 'top': case 'bottom':
          return dispatch({ type: 'scroll', to: action });
        case 'nextSection': return dispatch({ type: 'section', to: 'next' });
        case 'prevSection': return dispatch({ type: 'section', to: 'prev' });
        case 'section': return dispatch({ type: 'section', to: Number(input) });
        case 'search': return dispatch({ type: 'findStart' });
        case 'nextMatch': return dispatch({ type: 'match', direction: 1 }, { matches: findInLines(lines, latest().find.query) });
        case 'prevMatch': return dispatch({ type: 'match', direction: -1 }, { matches: findInLines(lines, latest().find.query) });
        case 'related':
          return card.related.length > 0 ? dispatch({ type: 'pickerOpen', kind: 'related' }) : dispatch({ type: 'notice', text: 'this card lists no related cards' });
        case 'simulate': return simulate();
        case 'quiz': return nav.openQuiz(card.id);
        case 'help': return nav.showHelp();
        case 'back': return nav.back();
      }
    },
    { isActive: () => live() && !latest().find.editing && !latest().picker },
  );
  useKeys(
    'readerSearch',
    ({ action }) => {
      if (action === 'submit') return dispatch({ type: 'findSubmit' }, { draftMatches: findInLines(lines, latest().find.draft), matches: findInLines(lines, latest().find.query) });
      if (action === 'cancel') return dispatch({ type: 'findCancel' });
      return dispatch({ type: 'findEdit', edit: { type: action } });
    },
    { isActive: () => live() && latest().find.editing, onText: (edit) => dispatch({ type: 'findEdit', edit }) },
  );
  useKeys(
    'picker',
    ({ action }) => {
      if (action === 'up' || action === 'down') return dispatch({ type: 'pickerMove', by: action === 'up' ? -1 : 1 }, { pickerSize: pickerItemsFor(card, latest().picker?.kind, cards).length });
      if (action === 'help') return nav.showHelp();
      if (action === 'back') return dispatch({ type: 'pickerClose' });
      const picker = latest().picker;
      const item = pickerItemsFor(card, picker?.kind, cards)[picker?.cursor ?? 0];
      dispatch({ type: 'pickerClose' });
      if (!item) return;
      if (picker?.kind === 'related') nav.openCard(item.key);
      else openScenario(item.key);
    },
    { isActive: () => live() && Boolean(latest().picker) },
  );

  return (
    <Box flexDirection="column" width={width} height={height}>
      <ReaderHeader card={card} sectionStarts={rendered.sectionStarts} top={top} viewHeight={viewHeight} lineCount={lines.length} width={width} />
      <ReaderBody lines={lines} top={top} height={viewHeight} width={width} matches={matches} current={state.find.index} />
      {state.picker ? (
        <PickerView title={state.picker.kind === 'related' ? 'Related cards' : 'Scenarios of this card'} items={pickerItems} cursor={state.picker.cursor} width={Math.min(width, 72)} height={pickerHeight} />
      ) : null}
      <ReaderFooter state={state} matchCount={matches.length} width={width} hasScenario={card.sim.length > 0} />
    </Box>
  );
}

function usePickerItems(card: Card, state: ReaderState, cards: readonly Card[]): PickerItem[] {
  return useMemo(() => pickerItemsFor(card, state.picker?.kind, cards), [card, cards, state.picker?.kind]);
}

function pickerItemsFor(card: Card, kind: ReaderPicker['kind'] | undefined, cards: readonly Card[]): PickerItem[] {
  if (kind === 'related') {
    return card.related.map((id) => {
      const target = cards.find((candidate) => candidate.id === id);
      return target ? { key: id, label: target.title, note: target.topic } : { key: id, label: id, note: 'not loaded' };
    });
  }
  if (kind === 'scenario') return card.sim.map((id) => ({ key: id, label: scenarioTitle(id), note: id }));
  return [];
}

function MissingCard({ id, width, height, live }: { id: string; width: number; height: number; live: () => boolean }) {
  const nav = useNavigator();
  useKeys('reader', ({ action }) => (action === 'back' ? nav.back() : action === 'help' ? nav.showHelp() : undefined), { isActive: live });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text>{`There is no card "${id}" in the loaded folders.`}</Text>
      <Text dimColor>Esc goes back.</Text>
    </Box>
  );
}
