import { Box, Text } from 'ink';
import { stripControl } from '../../../core/text/sanitize.js';
import { fitParts, fitText, padText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { showTtl, type CacheRow } from './cache-view.js';
import { showMs } from './timeline-panel.js';

/** The resolvers' caches at the current moment, newest first, TTLs counting down on the virtual clock. */
export function CachePanel({ rows, nowMs, width, height }: { rows: readonly CacheRow[]; nowMs: number; width: number; height: number }) {
  const theme = useTheme();
  const room = Math.max(0, height - 1);
  const shown = rows.length > room ? rows.slice(0, Math.max(0, room - 1)) : rows;
  const nameWidth = Math.max(8, Math.min(28, Math.floor(width * 0.45)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitText(`Cache at ${showMs(nowMs)}  (${rows.length} entr${rows.length === 1 ? 'y' : 'ies'})`, width, theme.glyphs.ellipsis)}</Text>
      {rows.length === 0 ? <Text dimColor>{fitText('empty: nothing cached yet', width, theme.glyphs.ellipsis)}</Text> : null}
      {shown.map((row) => {
        const expired = row.remainingSeconds <= 0;
        const [name, ttl, data] = fitParts([padText(`${stripControl(row.name) || '.'} ${row.type}`, nameWidth, theme.glyphs.ellipsis), ` ${showTtl(row.remainingSeconds).padStart(7)}`, `  ${stripControl(row.data)}`], width, theme.glyphs.ellipsis);
        return (
          <Text key={`${row.owner}|${row.name}|${row.type}`} dimColor={expired}>
            <Text>{name}</Text>
            <Text color={expired ? theme.tone.bad : row.remainingSeconds < 30 ? theme.tone.warn : theme.tone.good}>{ttl}</Text>
            <Text dimColor={!row.negative} color={row.negative ? theme.tone.warn : undefined}>{data}</Text>
          </Text>
        );
      })}
      {rows.length > shown.length ? <Text dimColor>{`${theme.glyphs.ellipsis} ${rows.length - shown.length} more`}</Text> : null}
    </Box>
  );
}
