import { Text } from 'ink';
import type { Segment, StyledLine } from '../../../core/markdown/styled-line.js';
import { wrapSegments } from '../../../core/markdown/wrap.js';
import { fitParts } from '../../components/window.js';

/**
 * Draws pre-wrapped styled lines; without colour only bold, dim, inverse and underline remain. Given a width,
 * a line too long for it is cut with `ellipsis` here, so Ink never cuts it with its own "…" (which ASCII mode must not show).
 */
export function StyledLines({ lines, color, width, ellipsis = '…' }: { lines: StyledLine[]; color: boolean; width?: number; ellipsis?: string }) {
  return (
    <>
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          {line.length === 0 ? ' ' : fitLine(line, width, ellipsis).map((segment, at) => <SegmentText key={at} segment={segment} color={color} />)}
        </Text>
      ))}
    </>
  );
}

function fitLine(line: StyledLine, width: number | undefined, ellipsis: string): StyledLine {
  if (width === undefined) return line;
  const texts = fitParts(line.map((segment) => segment.text), width, ellipsis);
  return line.map((segment, at) => (texts[at] === segment.text ? segment : { ...segment, text: texts[at]! }));
}

/** Wraps segments to a width (our own wrapping: Ink's keeps the space that ends a line at the start of the next). */
export function WrappedText({ segments, width, color }: { segments: Segment[]; width: number; color: boolean }) {
  return <StyledLines lines={wrapSegments(segments, Math.max(10, width))} color={color} />;
}

function SegmentText({ segment, color }: { segment: Segment; color: boolean }) {
  const style = segment.style ?? {};
  return (
    <Text bold={style.bold} dimColor={style.dim} italic={style.italic} underline={style.underline} inverse={style.inverse} strikethrough={style.strike} color={color ? style.colour : undefined}>
      {segment.text}
    </Text>
  );
}
