import { Text } from 'ink';
import type { Segment, StyledLine } from '../../../core/markdown/styled-line.js';
import { wrapSegments } from '../../../core/markdown/wrap.js';

/** Draws pre-wrapped styled lines; without colour only bold, dim, inverse and underline remain. */
export function StyledLines({ lines, color }: { lines: StyledLine[]; color: boolean }) {
  return (
    <>
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((segment, at) => <SegmentText key={at} segment={segment} color={color} />)}
        </Text>
      ))}
    </>
  );
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
