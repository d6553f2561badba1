import { Box, Text } from 'ink';
import { itemSource } from '../../../app/study/item-source.js';
import { cardMetas, useServices } from '../../services.js';
import { itemLocation } from '../../components/item-location.js';
import { formatClock } from '../../../core/quiz/progress/durations.js';
import { currentQuestion, timeLeft } from '../../../core/quiz/session/session.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { quizGlyphs } from './quiz-glyphs.js';
import { quizItemLines } from './quiz-item-lines.js';
import type { QuizScreenState } from './quiz-state.js';
import { StyledLines } from '../../components/styled-lines.js';

const BAR_WIDTH = 16;

/** The item on screen: a header with the countdowns and where the item comes from, then its body, cut to fit. */
export function QuizItemView({ state, width, height }: { state: QuizScreenState; width: number; height: number }) {
  const { ascii, tone } = useTheme();
  const services = useServices();
  const { homeDir } = services;
  const { session, nowMs } = state;
  const glyphs = quizGlyphs(ascii);
  const question = currentQuestion(session);
  if (!question) return <Box height={height} />;
  const slot = session.queue[session.index]!;
  const left = timeLeft(session, nowMs);
  const fraction = question.timeLimitMs > 0 ? left.itemMs / question.timeLimitMs : 0;
  const filled = Math.round(BAR_WIDTH * fraction);
  const where = `${question.item.cardTitle.split(/:\s/)[0]} ${glyphs.pointer} ${question.item.source.sectionName}`;
  // Where to fix the item: its card file and line, given at most half the row.
  const source = itemSource(cardMetas(services), question.item);
  const location = source ? itemLocation(source.path, source.line, Math.max(12, Math.floor(width / 2)), homeDir, glyphs.ellipsis) : '';
  const whereWidth = Math.max(0, width - (location ? location.length + 2 : 0));
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Box justifyContent="space-between" width={width}>
        <Text wrap="truncate-end">
          <Text bold>Quiz </Text>
          <Text>{slot.retry || slot.replay ? 'again' : `${session.index + 1}/${session.queue.length}`} </Text>
          <Text color={tone.accent}>{question.mode}</Text>
          {session.setup.cram ? <Text dimColor> cram</Text> : null}
        </Text>
        <Text>
          {session.phase === 'asking' ? (
            <Text>
              <Text color={fraction > 0.5 ? tone.good : fraction > 0.2 ? tone.warn : tone.bad}>{glyphs.barFull.repeat(filled)}</Text>
              <Text dimColor>{glyphs.barEmpty.repeat(BAR_WIDTH - filled)}</Text>
              <Text bold>{ascii ? ' time ' : ' ⏱ '}{formatClock(left.itemMs)}</Text>
            </Text>
          ) : null}
          {left.sessionMs !== undefined ? <Text dimColor> session {formatClock(left.sessionMs)}</Text> : null}
        </Text>
      </Box>
      <Box justifyContent="space-between" width={width}>
        <Text dimColor wrap="truncate-end">
          {fitText(where, whereWidth, glyphs.ellipsis)}
        </Text>
        {location ? <Text dimColor>{location}</Text> : null}
      </Box>
      <Text> </Text>
      <StyledLines lines={quizItemLines(state, width, Math.max(1, height - 3), glyphs)} width={width} />
    </Box>
  );
}
