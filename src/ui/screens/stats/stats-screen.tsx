/**
 * The stats screen: the same report as `swelearn stats`, scrollable.
 *
 *   <StatsScreen
 *     stats={stats}           // StudyStats: cli/quiz/study-data.ts loadStudyStats(ctx, now) loads cards and the log and
 *                             // computes it (core/quiz/stats.ts computeStats does the pure part)
 *     width={80} height={23}  // the space the screen may use; keep height below the terminal's rows
 *     ascii={false}           // ASCII bars and heatmap for terminals without block glyphs
 *     color={true}            // false under NO_COLOR / --no-color
 *     onExit={() => ...}      // q or Esc
 *     isActive={true}         // false while another screen or overlay owns the keyboard
 *   />
 *
 * Keys (STATS_KEYS in stats-keys.ts): j/k or arrows scroll, space/b or PgDn/PgUp page, tab and shift-tab
 * jump between sections, g/G top and bottom, q or Esc back.
 */
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { StudyStats } from '../../../core/quiz/stats.js';
import { statsSections } from '../../../core/quiz/stats-lines.js';
import { StyledLines } from '../quiz/styled-lines.js';
import { STATS_KEYS } from './stats-keys.js';
import { statsDocument, statsReducer, type StatsAction } from './stats-state.js';
import { useStatsKeys } from './use-stats-keys.js';

export { STATS_KEYS };

/** What the stats screen needs from its owner; see the comment at the top of this file. */
export interface StatsScreenProps {
  stats: StudyStats;
  width?: number;
  height?: number;
  ascii?: boolean;
  color?: boolean;
  onExit?: () => void;
  isActive?: boolean;
}

/** The stats report in a scrolling window with a key footer. */
export function StatsScreen({ stats, width = 80, height = 23, ascii = false, color = true, onExit, isActive = true }: StatsScreenProps) {
  const document = useMemo(() => statsDocument(statsSections(stats, { width: width - 2, ascii })), [stats, width, ascii]);
  const viewportRows = Math.max(1, height - 1);
  const [view, setView] = useState({ top: 0 });
  const dispatch = (action: StatsAction) => setView((current) => statsReducer(current, action, document, viewportRows));
  useStatsKeys(dispatch, onExit, isActive);
  // Re-clamp when the window grows or the report shrinks.
  const top = Math.min(view.top, Math.max(0, document.lines.length - viewportRows));
  const visible = document.lines.slice(top, top + viewportRows);
  const end = Math.min(document.lines.length, top + viewportRows);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Box flexDirection="column" height={viewportRows} overflow="hidden">
        <StyledLines lines={visible} color={color} />
      </Box>
      <Text dimColor wrap="truncate-end">
        {document.lines.length > viewportRows ? `lines ${top + 1}-${end} of ${document.lines.length} · ` : ''}
        {STATS_KEYS.filter((binding) => binding.keys).map((binding) => `${binding.keys} ${binding.help}`).join(' · ')}
      </Text>
    </Box>
  );
}
