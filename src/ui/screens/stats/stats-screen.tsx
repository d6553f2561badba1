/**
 * The stats screen: the same report as `swelearn stats`, scrollable.
 *
 *   <StatsScreen
 *     stats={stats}           // StudyStats: cli/quiz/study-data.ts loadStudyStats(ctx, now) loads cards and the log and
 *                             // computes it (core/quiz/stats.ts computeStats does the pure part)
 *     width={80} height={23}  // the space the screen may use; keep height below the terminal's rows
 *     ascii={false}           // ASCII bars, heatmap, arrows and separators for terminals without those glyphs
 *     color={true}            // false under NO_COLOR / --no-color
 *     onExit={() => ...}      // q or Esc
 *     isActive={true}         // false while another screen or overlay owns the keyboard
 *   />
 *
 * Keys (STATS_KEYS in stats-keys.ts): j/k or arrows scroll, space/b or PgDn/PgUp page, tab and shift-tab
 * jump between sections, g/G top and bottom, ? lists every key (?, Esc or q close the list), q or Esc back.
 */
import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { StudyStats } from '../../../core/quiz/stats.js';
import { statsSections } from '../../../core/quiz/stats-lines.js';
import { KeyHelpPanel, type KeyHelpRow } from '../../components/key-help-panel.js';
import { fitText } from '../../components/window.js';
import { makeTheme, type Glyphs } from '../../theme.js';
import { StyledLines } from '../quiz/styled-lines.js';
import { STATS_KEYS, statsKeysLabel } from './stats-keys.js';
import { statsDocument, statsReducer, type StatsAction, type StatsViewState } from './stats-state.js';
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

// The key help lists every binding that has keys of its own ("G" rides on the "g/G" row); worked out once per glyph set.
const KEY_TEXT = { unicode: keyText(false), ascii: keyText(true) };

/** The stats report in a scrolling window with a key footer, or the key help over it. */
export function StatsScreen({ stats, width = 80, height = 23, ascii = false, color = true, onExit, isActive = true }: StatsScreenProps) {
  const keys = ascii ? KEY_TEXT.ascii : KEY_TEXT.unicode;
  const dot = ` ${keys.glyphs.separator} `;
  const document = useMemo(() => statsDocument(statsSections(stats, { width: width - 2, ascii })), [stats, width, ascii]);
  const viewportRows = Math.max(1, height - 1);
  const [view, setView] = useState<StatsViewState>({ top: 0 });
  // Keys arriving faster than renders must see the newest state (is the help open?), not the one last drawn.
  const current = useRef(view);
  const dispatch = (action: StatsAction) => {
    current.current = statsReducer(current.current, action, document, viewportRows);
    setView(current.current);
  };
  useStatsKeys(() => current.current.helpOpen === true, dispatch, onExit, isActive);
  // Re-clamp when the window grows or the report shrinks.
  const top = Math.min(view.top, Math.max(0, document.lines.length - viewportRows));
  const visible = document.lines.slice(top, top + viewportRows);
  const end = Math.min(document.lines.length, top + viewportRows);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {view.helpOpen ? (
        <KeyHelpPanel title="Keys: Statistics" rows={keys.helpRows} width={width} height={viewportRows} color={color} ascii={ascii} />
      ) : (
        <Box flexDirection="column" height={viewportRows} overflow="hidden">
          <StyledLines lines={visible} color={color} width={width} ellipsis={keys.glyphs.ellipsis} />
        </Box>
      )}
      <Text dimColor wrap="truncate-end">
        {fitText(
          view.helpOpen ? '?/esc close help' : `${document.lines.length > viewportRows ? `lines ${top + 1}-${end} of ${document.lines.length}${dot}` : ''}? keys${dot}${keys.footer}`,
          width,
          keys.glyphs.ellipsis,
        )}
      </Text>
    </Box>
  );
}

function keyText(ascii: boolean): { glyphs: Glyphs; helpRows: KeyHelpRow[]; footer: string } {
  const glyphs = makeTheme({ colour: false, ascii, reducedMotion: false }).glyphs;
  const bound = STATS_KEYS.filter((binding) => binding.keys);
  return {
    glyphs,
    helpRows: bound.map((binding) => ({ keys: statsKeysLabel(binding, glyphs), help: binding.help })),
    footer: bound.filter((binding) => binding.command.type !== 'help').map((binding) => `${statsKeysLabel(binding, glyphs)} ${binding.help}`).join(` ${glyphs.separator} `),
  };
}
