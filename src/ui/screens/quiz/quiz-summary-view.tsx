import { Box, Text } from 'ink';
import { formatSpan } from '../../../core/quiz/durations.js';
import type { SessionSummary } from '../../../core/quiz/summary.js';

const ENDINGS = { completed: 'Session complete', 'time-up': 'Time is up', quit: 'Session ended' } as const;

/** The end of a session: score and time, each item with its time, weakest tags, and numbered sections to reread. */
export function QuizSummaryView({ summary, width, height, color }: { summary: SessionSummary; width: number; height: number; color: boolean }) {
  const tone = (colour: string) => (color ? colour : undefined);
  const fixedRows = 2 + (summary.weakestTags.length > 0 ? 2 : 0) + (summary.reread.length > 0 ? 2 + Math.min(9, summary.reread.length) : 0);
  // Only as many item rows as fit: Ink must never lay out rows that are not shown.
  const itemRows = Math.max(0, height - fixedRows - 1);
  const items = summary.items.slice(0, itemRows);
  const hidden = summary.items.length - items.length;
  const score = summary.asked === 0 ? 'nothing answered' : `${summary.correct}/${summary.asked} right (${summary.scorePercent}%)`;
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Text wrap="truncate-end">
        <Text bold>{ENDINGS[summary.endedBy]}: </Text>
        <Text>
          {score}
          {summary.retries > 0 ? ` · retries ${summary.retriesCorrect}/${summary.retries}` : ''} · {formatSpan(summary.totalMs)} · {formatSpan(summary.averageMs)} per item
          {summary.cram ? ' · cram' : ''}
        </Text>
      </Text>
      <Text> </Text>
      {items.map((item, index) => (
        <Text key={`${item.itemId}-${index}`} wrap="truncate-end">
          <Text color={tone(item.correct ? 'green' : 'red')}>{item.correct ? '✓' : '✗'}</Text>
          <Text dimColor> {(item.timedOut ? 'time up' : formatSpan(item.elapsedMs)).padStart(7)} </Text>
          <Text>{item.mode.padEnd(9)} </Text>
          <Text>{item.prompt}</Text>
        </Text>
      ))}
      {hidden > 0 ? <Text dimColor>… and {hidden} more</Text> : null}
      {summary.weakestTags.length > 0 ? (
        <Box marginTop={1}>
          <Text wrap="truncate-end">
            <Text bold>Weakest tags: </Text>
            {summary.weakestTags.map((tag) => `${tag.tag} (${tag.missed} of ${tag.asked} missed)`).join(', ')}
          </Text>
        </Box>
      ) : null}
      {summary.reread.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>Reread (press the number to open it)</Text>
          {summary.reread.slice(0, 9).map((section, index) => (
            <Text key={`${section.cardId}-${section.sectionName}`} wrap="truncate-end">
              <Text bold color={tone('cyan')}>
                {' '}
                {index + 1}
              </Text>{' '}
              {section.cardTitle.split(/:\s/)[0]} › {section.sectionName} <Text dimColor>({section.misses} missed)</Text>
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
