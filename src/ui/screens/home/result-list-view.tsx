import { Box, Text } from 'ink';
import type { Segment, StyledLine } from '../../../core/markdown/styled-line.js';
import type { SearchResult } from '../../../core/search/search.js';
import { highlightText } from '../../components/highlight-segments.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { fitText, padText } from '../../components/window.js';
import { useListWindow } from '../../hooks/use-list-window.js';
import { useTheme } from '../../theme.js';
import { titleHighlights } from './home-rows.js';

/** Search results, two lines each: the title with the matched words marked, then the section and its snippet. */
export function ResultListView({ results, query, cursor, width, height, loading = false }: { results: SearchResult[]; query: string; cursor: number; width: number; height: number; loading?: boolean }) {
  const theme = useTheme();
  const perPage = Math.max(1, Math.floor(height / 2));
  const start = useListWindow(cursor, perPage, results.length);
  if (loading) {
    // The search engine loads just after the first frame; a key typed before it is answered once it is in.
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text dimColor>{fitText(`   Searching${theme.glyphs.ellipsis}`, width, theme.glyphs.ellipsis)}</Text>
      </Box>
    );
  }
  if (results.length === 0) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text dimColor>{fitText(`   No card matches "${fitText(query, Math.max(4, width - 30), theme.glyphs.ellipsis)}".`, width, theme.glyphs.ellipsis)}</Text>
        <Text dimColor>{fitText('   Try fewer words, or Esc to browse every card.', width, theme.glyphs.ellipsis)}</Text>
      </Box>
    );
  }
  const match = theme.colour ? { bold: true, colour: theme.tone.match } : { bold: true, underline: true };
  return (
    <Box flexDirection="column" width={width} height={height}>
      {results.slice(start, start + perPage).map((result, offset) => {
        const selected = start + offset === cursor;
        const titleWidth = Math.max(8, width - 3);
        const title = fitText(result.card.title, titleWidth, theme.glyphs.ellipsis);
        const snippetRoom = Math.max(8, width - 6 - result.section.name.length - 2);
        const titleLine = highlightText(padText(title, selected ? titleWidth : title.length), titleHighlights(title, query), match, selected ? { bold: true, inverse: theme.colour } : undefined);
        const marker: Segment = { text: selected ? ` ${theme.glyphs.pointer} ` : '   ', style: { colour: theme.tone.accent, bold: true } };
        const section: StyledLine = [{ text: '     ' }, { text: fitText(result.section.name, Math.max(4, width - 10), theme.glyphs.ellipsis), style: { colour: theme.tone.info } }, { text: ': ', style: { dim: true } }];
        const snippet = highlightText(fitText(result.snippet.text, snippetRoom, theme.glyphs.ellipsis), result.snippet.highlights, match, { dim: true });
        return (
          <Box key={result.card.id} flexDirection="column">
            <StyledLineText line={[marker, ...titleLine]} />
            <StyledLineText line={[...section, ...snippet]} />
          </Box>
        );
      })}
    </Box>
  );
}
