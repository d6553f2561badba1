import type { StyledLine } from '../../core/markdown/styled-line.js';
import { StyledLineText } from './styled-line-text.js';

/** Draws pre-wrapped styled lines, one Text each, cut to the width with the theme's ellipsis (never Ink's own "…"). */
export function StyledLines({ lines, width }: { lines: readonly StyledLine[]; width?: number }) {
  return (
    <>
      {lines.map((line, index) => (
        <StyledLineText key={index} line={line} {...(width === undefined ? {} : { width })} />
      ))}
    </>
  );
}
