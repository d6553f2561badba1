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
  const stats = state.stats!;
  const document = useMemo(() => statsDocument(statsSections(stats, { width: width - 2, ascii: theme.ascii })), [stats, width, theme.ascii]);
  const scrollable = document.lines.length > height;
  const viewportRows = Math.max(1, scrollable ? height - 1 : height);
  const dispatch = (action: StatsAction) => setState((current) => statsReducer(current, action, document, viewportRows));
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
