import { Box, Text } from 'ink';
import { wrapSegments } from '../../../core/markdown/wrap.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { fitParts, fitText, padText } from '../../components/window.js';
import { useListWindow } from '../../hooks/use-list-window.js';
import { useTheme } from '../../theme.js';
import { SCENARIO_LIST } from './scenario-catalog.js';

/** The scenario list with the selected scenario's description below it. */
export function ScenarioPicker({ cursor, width, height }: { cursor: number; width: number; height: number }) {
  const theme = useTheme();
  const selected = SCENARIO_LIST[cursor];
  const description = selected ? wrapSegments([{ text: selected.description, style: { dim: true } }], Math.max(10, width - 2)) : [];
  const descriptionRows = Math.min(description.length, Math.max(0, Math.floor(height / 3)));
  const listRows = Math.max(1, height - 3 - descriptionRows);
  const start = useListWindow(cursor, listRows, SCENARIO_LIST.length);
  const idWidth = Math.min(24, Math.max(...SCENARIO_LIST.map((scenario) => scenario.id.length)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.tone.accent}>{fitText('DNS simulator: pick a scenario, or press c to type a name', width, theme.glyphs.ellipsis)}</Text>
      <Text> </Text>
      <Box flexDirection="column" height={listRows}>
        {SCENARIO_LIST.slice(start, start + listRows).map((scenario, offset) => {
          const isSelected = start + offset === cursor;
          const [marker, id, gap, title] = fitParts([isSelected ? ` ${theme.glyphs.pointer} ` : '   ', padText(scenario.id, idWidth), '  ', scenario.title], width, theme.glyphs.ellipsis);
          return (
            <Text key={scenario.id}>
              <Text color={theme.tone.accent} bold>{marker}</Text>
              <Text color={theme.tone.good}>{id}</Text>
              <Text>{gap}</Text>
              <Text bold={isSelected} inverse={isSelected && theme.colour}>{title}</Text>
            </Text>
          );
        })}
      </Box>
      <Text> </Text>
      {description.slice(0, descriptionRows).map((line, index) => (
        <StyledLineText key={index} line={line} width={width} />
      ))}
    </Box>
  );
}
