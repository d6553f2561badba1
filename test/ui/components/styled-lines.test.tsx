import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { StyledLine } from '../../../src/core/markdown/styled-line.js';
import { StyledLines } from '../../../src/ui/components/styled-lines.js';
import { StyledLineText } from '../../../src/ui/components/styled-line-text.js';
import { makeTheme, ThemeContext } from '../../../src/ui/theme.js';

// Lines as the screens make them: styled runs, an empty line, lines wider than the box, wide characters and a run
// that fitting empties.
const LINES: StyledLine[] = [
  [{ text: 'Progress', style: { bold: true } }],
  [{ text: '  Items    ' }, { text: '541', style: { bold: true, colour: 'cyan' } }, { text: ' in all · 76 studied · 465 not seen yet, and a tail that will not fit' }],
  [],
  [{ text: 'Due in the coming week', style: { underline: true } }],
  [{ text: '  Tue 12-08 ' }, { text: '█'.repeat(60), style: { colour: 'green' } }, { text: ' 65 (today, overdue included)' }],
  [{ text: '漢字のカード '.repeat(8) }],
  [{ text: 'x'.repeat(90) }, { text: 'gone', style: { dim: true } }],
];

function frame(node: React.ReactElement, colour: boolean, width: number): string {
  const instance = render(
    <ThemeContext.Provider value={makeTheme({ colour, ascii: false, reducedMotion: false })}>
      <Box flexDirection="column" width={width}>
        {node}
      </Box>
    </ThemeContext.Provider>,
  );
  const shown = instance.lastFrame() ?? '';
  instance.unmount();
  return shown;
}

describe('StyledLines given the width', () => {
  it.each([
    [40, false],
    [40, true],
    [80, false],
    [80, true],
    [7, true],
  ])('draws exactly what one StyledLineText a line draws (width %i, colour %s)', (width, colour) => {
    const perLine = (
      <>
        {LINES.map((line, index) => (
          <StyledLineText key={index} line={line} width={width} />
        ))}
      </>
    );
    expect(frame(<StyledLines lines={LINES} width={width} />, colour, width)).toBe(frame(perLine, colour, width));
  });

  it('draws nothing for no lines', () => {
    expect(frame(<StyledLines lines={[]} width={40} />, true, 40)).toBe('');
  });
});
