import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { statsSections } from '../../../core/quiz/progress/stats-lines.js';
import { StudyMessage } from '../../components/study-message.js';
import { StyledLines } from '../../components/styled-lines.js';
import { fitText } from '../../components/window.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useLoadOnce } from '../../hooks/use-load-once.js';
import { useNavigator } from '../../nav.js';
import type { ScreenProps } from '../../screen-props.js';
import { useServices } from '../../services.js';
import { useTheme } from '../../theme.js';
import { screenHoldSections } from './held-sections.js';
import { statsDocument, statsReducer, type StatsAction, type StatsRoute } from './stats-state.js';

/** The statistics: the same report as `swelearn stats`, loaded from the study services and scrolled with the keymap's stats keys. */
export function StatsScreen({ state, setState, live, width, height }: ScreenProps<StatsRoute>) {
  const theme = useTheme();
  useLoadedStats(state, setState);
  if (!state.stats) return <StudyMessage message={state.failure ?? `Reading your progress${theme.glyphs.ellipsis}`} live={live} />;
  return <StatsReport {...{ state, setState, live, width, height }} />;
}

function StatsReport({ state, setState, live, width, height }: Pick<ScreenProps<StatsRoute>, 'state' | 'setState' | 'live' | 'width' | 'height'>) {
  const theme = useTheme();
  const nav = useNavigator();
  const { study, homeDir } = useServices();
  const stats = state.stats!;
  const highlight = Math.min(state.highlight ?? 0, Math.max(0, stats.held.length - 1));
  const { document, heldStart } = useMemo(() => {
    const layout = { width: width - 2, ellipsis: theme.glyphs.ellipsis, pointer: theme.glyphs.pointer, highlight, heldTitle: `Held back (${stats.held.length}): n/N to highlight, u to bring back`, ...(homeDir ? { homeDir } : {}) };
    const shared = statsSections(stats, { width: width - 2, ascii: theme.ascii, holdsDrawnByCaller: true });
    const own = screenHoldSections(stats, layout);
    // Right after the overview: what is held back is what the learner may want to act on.
    const built = statsDocument([...shared.slice(0, 1), ...own, ...shared.slice(1)]);
    const heldSection = stats.held.length > 0 ? 2 : -1;
    return { document: built, heldStart: heldSection < 0 ? -1 : built.sectionStarts[heldSection]! + 1 };
  }, [stats, width, theme.ascii, theme.glyphs, highlight, homeDir]);
  const footerRows = state.notice ? 1 : 0;
  const scrollable = document.lines.length > height - footerRows;
  const viewportRows = Math.max(1, height - footerRows - (scrollable ? 1 : 0));
  const dispatch = (action: StatsAction) => setState((current) => statsReducer(current, action, document, viewportRows));
  const bringBack = () => {
    const item = stats.held[highlight];
    if (!item) return setState((current) => ({ ...current, notice: 'nothing is held back' }));
    if (!study?.unsuspend) return setState((current) => ({ ...current, notice: 'the progress store is not available' }));
    study.unsuspend(item.itemId).then(
      (fresh) => setState((current) => ({ ...current, stats: fresh, notice: `brought back: ${item.text}` })),
      (error: unknown) => setState((current) => ({ ...current, notice: `not brought back: ${error instanceof Error ? error.message : String(error)}` })),
    );
  };
  useKeys(
    'stats',
    ({ action }) => {
      switch (action) {
        case 'lineUp': return dispatch({ type: 'scroll', by: -1 });
        case 'lineDown': return dispatch({ type: 'scroll', by: 1 });
        case 'pageUp': return dispatch({ type: 'page', by: -1 });
        case 'pageDown': return dispatch({ type: 'page', by: 1 });
        case 'nextSection': return dispatch({ type: 'section', by: 1 });
        case 'prevSection': return dispatch({ type: 'section', by: -1 });
        case 'top': return dispatch({ type: 'top' });
        case 'bottom': return dispatch({ type: 'bottom' });
        case 'nextHeld': return dispatch({ type: 'held', by: 1, heldStart, count: stats.held.length });
        case 'prevHeld': return dispatch({ type: 'held', by: -1, heldStart, count: stats.held.length });
        case 'unsuspend': return bringBack();
        case 'help': return nav.showHelp();
        case 'back': return nav.back();
      }
    },
    { isActive: live },
  );
  // Re-clamp when the window grows or the report shrinks.
  const top = Math.min(state.top, Math.max(0, document.lines.length - viewportRows));
  const end = Math.min(document.lines.length, top + viewportRows);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Box flexDirection="column" height={viewportRows} overflow="hidden">
        <StyledLines lines={document.lines.slice(top, end)} width={width} />
      </Box>
      {scrollable ? (
        <Text dimColor wrap="truncate-end">
          {fitText(`lines ${top + 1}-${end} of ${document.lines.length}`, width, theme.glyphs.ellipsis)}
        </Text>
      ) : null}
      {state.notice ? (
        <Text color={theme.tone.warn} wrap="truncate-end">
          {fitText(state.notice, width, theme.glyphs.ellipsis)}
        </Text>
      ) : null}
    </Box>
  );
}

// Asks the study services for the report once per visit, unless the route already has it.
function useLoadedStats(route: StatsRoute, setState: ScreenProps<StatsRoute>['setState']): void {
  const { study } = useServices();
  useLoadOnce(!route.stats && !route.failure, () => (study ? study.loadStats() : Promise.reject(new Error('the progress store is not available'))), {
    loaded: (stats) => setState((current) => ({ ...current, stats })),
    failed: (message) => setState((current) => ({ ...current, failure: `No statistics: ${message}` })),
  });
}
