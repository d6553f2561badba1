import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import type { SessionSetup } from '../../../src/core/quiz/session.js';
import { quizGlyphs } from '../../../src/ui/screens/quiz/quiz-glyphs.js';
import { quizItemLines } from '../../../src/ui/screens/quiz/quiz-item-lines.js';
import { QuizScreen } from '../../../src/ui/screens/quiz/quiz-screen.js';
import { initialQuizState, quizReducer } from '../../../src/ui/screens/quiz/quiz-state.js';
import { asciiSession, contentChars, foreignChars, questionTexts } from './ascii-fixtures.js';
import { KEY, manualClock, mount } from './ink-helpers.js';

const T0 = Date.UTC(2026, 5, 1, 9);

function asciiScreen(session: SessionSetup, width: number, height = 22) {
  const clock = manualClock(T0);
  const ui = mount(<QuizScreen session={session} clock={clock} record={() => ({ ok: true })} onExit={() => {}} width={width} height={height} color={false} ascii />);
  // Every frame Ink drew, not just the ones a wait happened to catch.
  const expectAsciiFrames = () => {
    const allowed = contentChars(questionTexts(session.questions));
    for (const frame of ui.instance.frames) expect(foreignChars(frame, allowed), frame).toEqual([]);
  };
  return { ...ui, clock, expectAsciiFrames };
}

describe('QuizScreen in ASCII mode draws only ASCII besides the card text', () => {
  it('through a flashcard, a cloze, a choice, the key help and the summary', async () => {
    const session = asciiSession();
    const ui = asciiScreen(session, 90);
    const flashcard = await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    expect(flashcard).toContain('cafe title > Practice Questions');
    expect(flashcard).toContain('space shows the answer | 1-4 grades at once');
    expect(flashcard).toContain('? keys | space reveal | 1-4 Again/Hard/Good/Easy');
    ui.press(' ');
    // The card's own dash stays: it is content, not a glyph of the app.
    await ui.waitForFrame((frame) => frame.includes('> To save round trips — each one costs ~30 ms.'));
    ui.press('3');
    const cloze = await ui.waitForFrame((frame) => frame.includes('Quiz 2/3'));
    expect(cloze).toContain('last: [ok] Good | next due in 10 min | saved');
    expect(cloze).toMatch(/^>\s*$/m);
    ui.press('60 s');
    await ui.waitForFrame((frame) => frame.includes('> 60 s'));
    ui.press(KEY.enter);
    const feedback = await ui.waitForFrame((frame) => frame.includes('[ok] right'));
    expect(feedback).toContain('[ok] right | Good | next due in 10 min | saved');
    expect(feedback).toContain('> The café resolver keeps answers for 60 s — never longer.');
    ui.press(KEY.enter);
    const choice = await ui.waitForFrame((frame) => frame.includes('Quiz 3/3'));
    expect(choice).toMatch(/^> a\) /m);
    expect(choice).toContain('Up/Down move');
    ui.press('?');
    const help = await ui.waitForFrame((frame) => frame.includes('Keys: Quiz'));
    expect(help).toContain('Multiple choice (now)');
    expect(help).toMatch(/Up\/Down\s+move/);
    expect(help).toContain('?/esc close help | the clock is paused');
    ui.press(KEY.escape);
    await ui.waitForFrame((frame) => frame.includes('Quiz 3/3'));
    ui.press(KEY.down);
    await ui.waitForFrame((frame) => /^> b\) /m.test(frame));
    const correct = session.questions[2]!.correctIndex!;
    const wrong = (correct + 1) % 4;
    ui.press(String.fromCharCode(97 + wrong));
    const missed = await ui.waitForFrame((frame) => frame.includes('[x] wrong'));
    expect(missed).toContain(`[ok] ${String.fromCharCode(97 + correct)}) 60 s`);
    expect(missed).toMatch(/\[x\] wrong: you picked .\); the answer is .\) 60 s \| Again \| next due in 1 min \| saved/);
    ui.press(KEY.enter);
    const summary = await ui.waitForFrame((frame) => frame.includes('Session complete'));
    expect(summary).toContain('Session complete: 2/3 right (67%) | 0 ms | 0 ms per item');
    expect(summary).toMatch(/^\[ok\]\s+0 ms flashcard Why does the café cache answers\?/m);
    expect(summary).toMatch(/^\[x\] {5}0 ms choice/m);
    expect(summary).toContain(' 1 cafe title > Key Points for Interviews (1 missed)');
    expect(summary).toContain('? keys | u undo last grade | 1-9 open a section to reread | enter/q/esc done');
    ui.press('?');
    const summaryHelp = await ui.waitForFrame((frame) => frame.includes('Summary (now)'));
    expect(summaryHelp).toMatch(/enter\/q\/esc\s+done/);
    ui.expectAsciiFrames();
    // The card's own letters are still drawn as written.
    expect(ui.instance.frames.some((frame) => frame.includes('café'))).toBe(true);
  });

  it('when the item runs out of time', async () => {
    const session = { ...asciiSession(), questions: asciiSession().questions.slice(1, 2) };
    const ui = asciiScreen(session, 90);
    await ui.waitForFrame((frame) => frame.includes('time 0:30'));
    ui.clock.advance(30_000);
    const frame = await ui.waitForFrame((text) => text.includes('time is up'));
    expect(frame).toContain('[x] time is up: the answer is "60 s" | Again');
    ui.expectAsciiFrames();
  });

  it('when lines are too wide and are cut', async () => {
    const session = asciiSession();
    const ui = asciiScreen(session, 36, 16);
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('3');
    await ui.waitForFrame((frame) => frame.includes('Quiz 2/3'));
    ui.press('nope', KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('[x] wrong'));
    ui.press(KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('Quiz 3/3'));
    ui.press(KEY.escape);
    const summary = await ui.waitForFrame((frame) => frame.includes('Session ended'));
    // The footer does not fit in 36 columns: it is cut with "...", not Ink's "…".
    expect(summary).toMatch(/\.\.\.$/m);
    ui.expectAsciiFrames();
  });
});

describe('quizItemLines with the ASCII glyphs', () => {
  const [choice] = asciiSession().questions.slice(2);
  const long = { ...choice!, prompt: `${Array.from({ length: 20 }, (_, i) => `context line ${i}`).join('\n')}\nNext: which option is right?` };
  const state = initialQuizState({ sessionId: 's', questions: [long], schedules: {}, cram: false, retryMisses: false }, T0);
  const ascii = quizGlyphs(true);

  it('marks a cut prompt with "..."', () => {
    const lines = quizItemLines(state, 60, 8, ascii).map(lineText);
    expect(lines[0]).toBe('...');
    expect(lines.filter((line) => /^[> ] [a-d]\) /.test(line))).toHaveLength(4);
  });

  it('cuts the revealed text and too-wide options with "..." and marks the right option [ok]', () => {
    const answered = quizReducer(state, { type: 'choose', index: long.correctIndex!, nowMs: T0 + 1000 });
    const lines = quizItemLines(answered, 30, 12, ascii).map(lineText);
    expect(lines.some((line) => line.endsWith(' ...'))).toBe(true);
    expect(lines).toContain(`[ok] ${String.fromCharCode(97 + long.correctIndex!)}) 60 s`);
    const narrow = quizItemLines(state, 8, 9, ascii).map(lineText);
    expect(narrow.filter((line) => /^[> ] [a-d]\) /.test(line) && line.endsWith('...'))).not.toHaveLength(0);
    const allowed = contentChars(questionTexts([long]));
    for (const line of [...lines, ...narrow]) expect(foreignChars(line, allowed), line).toEqual([]);
  });
});
