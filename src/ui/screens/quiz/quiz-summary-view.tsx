import { Box, Text, type TextProps } from 'ink';
import { formatSpan } from '../../../core/quiz/progress/durations.js';
import { summaryNotes, type SessionSummary } from '../../../core/quiz/session/summary.js';
import { fitParts } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { quizGlyphs } from './quiz-glyphs.js';

const ENDINGS = { completed: 'Session complete', 'time-up': 'Time is up', quit: 'Session ended' } as const;

/** The end of a session: score and time, each item with its time, weakest tags, and numbered sections to reread. */
export function QuizSummaryView({ summary, width, height }: { summary: SessionSummary; width: number; height: number }) {
  const { ascii, tone } = useTheme();
  const glyphs = quizGlyphs(ascii);
  const dot = ` ${glyphs.separator} `;
  // Marks of one width, so the times line up under each other.
  const markWidth = Math.max(glyphs.rightMark.length, glyphs.wrongMark.length, glyphs.timeUpMark.length);
  const fixedRows = 2 + (summary.weakestTags.length > 0 ? 2 : 0) + (summary.reread.length > 0 ? 2 + Math.min(9, summary.reread.length) : 0);
  // Only as many item rows as fit: Ink must never lay out rows that are not shown.
  const itemRows = Math.max(0, height - fixedRows - 1);
  const items = summary.items.slice(0, itemRows);
  const hidden = summary.items.length - items.length;
  const score = summary.asked === 0 ? 'nothing answered' : `${summary.correct}/${summary.asked} right (${summary.scorePercent}%)`;
  const facts = [score, ...summaryNotes(summary), formatSpan(summary.totalMs), `${formatSpan(summary.averageMs)} per item`, ...(summary.cram ? ['cram'] : [])];
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      <Line width={width} ellipsis={glyphs.ellipsis} parts={[[`${ENDINGS[summary.endedBy]}: `, { bold: true }], [facts.join(dot)]]} />
      <Text> </Text>
      {items.map((item, index) => (
        <Line
          key={`${item.itemId}-${index}`}
          width={width}
          ellipsis={glyphs.ellipsis}
          parts={[
            [(item.timedOut ? glyphs.timeUpMark : item.correct ? glyphs.rightMark : glyphs.wrongMark).padEnd(markWidth), item.timedOut ? { dimColor: true } : { color: item.correct ? tone.good : tone.bad }],
            [` ${(item.timedOut ? 'time up' : formatSpan(item.elapsedMs)).padStart(7)} `, { dimColor: true }],
            [`${item.mode.padEnd(9)} `],
            [item.prompt],
          ]}
        />
      ))}
      {hidden > 0 ? <Text dimColor>{glyphs.ellipsis} and {hidden} more</Text> : null}
      {summary.weakestTags.length > 0 ? (
        <Box marginTop={1}>
          <Line width={width} ellipsis={glyphs.ellipsis} parts={[['Weakest tags: ', { bold: true }], [summary.weakestTags.map((tag) => `${tag.tag} (${tag.missed} of ${tag.asked} missed)`).join(', ')]]} />
        </Box>
      ) : null}
      {summary.reread.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>Reread (press the number to open it)</Text>
          {summary.reread.slice(0, 9).map((section, index) => (
            <Line
              key={`${section.cardId}-${section.sectionName}`}
              width={width}
              ellipsis={glyphs.ellipsis}
              parts={[[` ${index + 1}`, { bold: true, color: tone.accent }], [` ${section.cardTitle.split(/:\s/)[0]} ${glyphs.pointer} ${section.sectionName} `], [`(${section.misses} missed)`, { dimColor: true }]]}
            />
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/** One row of styled parts, cut to the width here with the theme's ellipsis so Ink never cuts it with its own "…". */
function Line({ parts, width, ellipsis }: { parts: [string, TextProps?][]; width: number; ellipsis: string }) {
  const texts = fitParts(parts.map(([text]) => text), width, ellipsis);
  return (
    <Text wrap="truncate-end">
      {parts.map(([, props], at) => (
        <Text key={at} {...props}>
          {texts[at]}
        </Text>
      ))}
    </Text>
  );
}
