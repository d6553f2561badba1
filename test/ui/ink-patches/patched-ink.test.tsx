import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import fastStringWidth from '../../../src/ui/fast-string-width.js';

// vitest.config.ts gives the component tests the Ink the bundle ships. Each test here fails when
// that swap is gone, by rendering something the patched and the unpatched Ink paint differently.

describe('Ink as the component tests render it', () => {
  it("paints through the row-cached Output: a write over half of a wide character blanks the other half (#930, which Ink 6.8's own Output lacks)", () => {
    const { lastFrame, unmount } = render(
      <Box width={20} height={1}>
        <Text>あいうえおかきくけこ</Text>
        <Box position="absolute" marginLeft={9}>
          <Text>XYZ</Text>
        </Box>
      </Box>,
    );
    expect(lastFrame()).toBe('あいうえ XYZきくけこ');
    unmount();
  });

  it('lays text out with the fast string-width, as the bundle does', () => {
    // A lone regional indicator is one column to string-width and two to ours; Ink's layout measures
    // it with widest-line (a dependency of Ink's), so flush right in four columns it starts at 3 or 2.
    const flag = '\u{1F1E6}';
    expect([realStringWidth(flag), fastStringWidth(flag)], 'the two measures must disagree on this character for the test to tell them apart').toEqual([1, 2]);
    const { lastFrame, unmount } = render(
      <Box width={4} justifyContent="flex-end">
        <Text>{flag}</Text>
      </Box>,
    );
    expect(lastFrame()).toBe(`  ${flag}`);
    unmount();
  });
});
