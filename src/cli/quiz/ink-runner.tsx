import { useEffect, useState } from 'react';
import { toTerminalText } from '../../core/markdown/ansi.js';
import { findSection, renderCard } from '../../core/markdown/render-card.js';
import type { SessionSummary } from '../../core/quiz/summary.js';
import type { CliContext } from '../context.js';
import { asciiOnly } from './ascii.js';
import { makeRecorder } from './recorder.js';
import type { PreparedQuiz } from './setup.js';
import { summaryText } from './summary-text.js';

/** Runs the quiz screen in the terminal; returns the exit code (130 after Ctrl-C, with every shown verdict already saved). */
export async function runInkQuiz(ctx: CliContext, prepared: PreparedQuiz, now: () => number): Promise<number> {
  // chalk ignores NO_COLOR; it reads FORCE_COLOR when Ink is first imported.
  if (!ctx.color) process.env.FORCE_COLOR = '0';
  const [{ render, useStdout }, { QuizScreen }, { systemClock }] = await Promise.all([
    import('ink'),
    import('../../ui/screens/quiz/quiz-screen.js'),
    import('../../ui/screens/quiz/quiz-clock.js'),
  ]);
  const record = makeRecorder(prepared.progress.writer, prepared.progress.notSavingBecause);
  const clock = systemClock(now() - Date.now());
  const outcome: { summary?: SessionSummary; open?: { cardId: string; sectionName: string } } = {};
  let finish = () => {};

  // Follows the terminal's size live; the frame stays one row short of it so Ink never clears the screen.
  function SizedQuiz() {
    const { stdout } = useStdout();
    const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    useEffect(() => {
      const onResize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
      stdout.on('resize', onResize);
      return () => void stdout.off('resize', onResize);
    }, [stdout]);
    return (
      <QuizScreen
        session={prepared.setup}
        clock={clock}
        record={record}
        color={ctx.color}
        ascii={asciiOnly(ctx)}
        // One column short of the terminal, so no line ever lands in the last column and wraps.
        width={Math.max(20, Math.min(size.columns - 1, 110))}
        height={Math.max(8, Math.min(size.rows - 1, 30))}
        onExit={(summary) => {
          outcome.summary = summary;
          finish();
        }}
        onOpenCard={(cardId, sectionName) => {
          outcome.open = { cardId, sectionName };
          finish();
        }}
      />
    );
  }

  const instance = render(<SizedQuiz />, { exitOnCtrlC: true, patchConsole: false });
  finish = () => {
    // Leave no stale frame above what is printed next.
    instance.clear();
    instance.unmount();
  };
  await instance.waitUntilExit();
  if (outcome.open) {
    const card = prepared.cards.find((candidate) => candidate.id === outcome.open!.cardId);
    const section = card && findSection(card, outcome.open.sectionName);
    if (card && section) {
      const rendered = renderCard(card, { width: Math.min(ctx.width, 100), hyperlinks: ctx.hyperlinks, sections: [section] });
      ctx.out(`${toTerminalText(rendered.lines, { colour: ctx.color, hyperlinks: ctx.hyperlinks })}\n`);
    }
    return 0;
  }
  if (outcome.summary) {
    ctx.out(summaryText(outcome.summary, prepared, { colour: ctx.color, width: Math.min(ctx.width, 100), ascii: asciiOnly(ctx) }));
    return 0;
  }
  ctx.err(`swelearn: quiz interrupted; every answer shown as saved is in ${prepared.progress.logPath}\n`);
  return 130;
}
