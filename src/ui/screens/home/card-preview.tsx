import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { formatMinutes } from '../../../core/cards/duration.js';
import type { Card } from '../../../core/cards/types.js';
import type { StyledLine } from '../../../core/markdown/styled-line.js';
import { useLazy } from '../../lazy.js';
import { MARKDOWN } from '../../lazy-modules.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../components/window.js';

const rendered = new WeakMap<Card['sections'][number], Map<string, StyledLine[]>>();

function previewLines(section: Card['sections'][number], layout: string, render: () => StyledLine[]): StyledLine[] {
  let perSection = rendered.get(section);
  if (!perSection) rendered.set(section, (perSection = new Map()));
  let lines = perSection.get(layout);
  if (!lines) {
    if (perSection.size >= 4) perSection.clear();
    perSection.set(layout, (lines = render()));
  }
  return lines;
}

/** A preview of the selected card beside the list on a wide terminal: metadata, then the matched section (or the overview). */
export function CardPreview({ card, sectionName, width, height }: { card: Card | undefined; sectionName?: string; width: number; height: number }) {
  const theme = useTheme();
  const markdown = useLazy(MARKDOWN);
  const overview = card?.sections.find((section) => section.name === sectionName) ?? card?.sections.find((section) => section.kind === 'overview') ?? card?.sections[0];
  // The Markdown is rendered once per section, width and glyph set, so moving back over a card costs nothing.
  const lines = useMemo(
    () => (overview && markdown ? previewLines(overview, `${width}:${theme.ascii ? 'a' : 'u'}`, () => markdown.renderMarkdown(overview.markdown, { width: width - 2, ascii: theme.ascii, hyperlinks: false, code: 'clip' })) : []),
    [overview, markdown, width, theme.ascii],
  );
  if (!card) return <Box width={width} height={height} />;
  const meta = [card.difficulty, formatMinutes(card.estimatedMinutes), `${card.keyPoints.length} key points`].join(` ${theme.glyphs.separator} `);
  const head = 4 + (card.sim.length > 0 ? 1 : 0);
  const fit = (text: string) => fitText(text, width - 2, theme.glyphs.ellipsis);
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={2}>
      <Text bold>{fit(card.title)}</Text>
      <Text dimColor>{fit(meta)}</Text>
      <Text dimColor>{fit(card.tags.join(', '))}</Text>
      {card.sim.length > 0 ? <Text color={theme.tone.good}>{fit(`scenario: ${card.sim.join(', ')}`)}</Text> : null}
      {overview && sectionName ? <Text color={theme.tone.info}>{fit(`${theme.glyphs.pointer} ${overview.name}`)}</Text> : <Text> </Text>}
      {lines.slice(0, Math.max(0, height - head)).map((line, index) => (
        <StyledLineText key={index} line={line} width={width - 2} />
      ))}
    </Box>
  );
}
