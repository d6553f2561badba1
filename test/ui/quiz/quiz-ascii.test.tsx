import { afterEach, describe, expect, it } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import type { SessionSetup } from '../../../src/core/quiz/session/session.js';
import { quizGlyphs } from '../../../src/ui/screens/quiz/quiz-glyphs.js';
import { quizItemLines } from '../../../src/ui/screens/quiz/quiz-item-lines.js';
import { initialQuizState, quizReducer } from '../../../src/ui/screens/quiz/quiz-state.js';
import { asciiSession, contentChars, foreignChars, questionTexts } from './ascii-fixtures.js';
import { quizApp, T0, type QuizApp } from './quiz-app.js';

let app: QuizApp | undefined;
afterEach(() => app?.unmount());

// The quiz in the app with --ascii and no colour, 'columns' wide (the quiz takes one less) and 'rows' high.
async function asciiScreen(session: SessionSetup, columns: number, rows = 23) {
  const ui = (app = await quizApp(session, { theme: { ascii: true, colour: false }, columns, rows }));
  // Every frame Ink drew, not just the ones a wait happened to catch.
  const expectAsciiFrames = () => {
    const allowed = contentChars(questionTexts(session.questions));
    for (const frame of ui.frames()) expect(foreignChars(frame, allowed), frame).toEqual([]);
  };
  return Object.assign(ui, { expectAsciiFrames });
}

describe('the quiz in ASCII mode draws only ASCII besides the card text', () => {
  it('through a flashcard, a cloze, a choice, the key help and the summary', async () => {
    const session = asciiSession();
    const ui = await asciiScreen(session, 91);
    const flashcard = await ui.waitForFrame('Quiz 1/3');
    expect(flashcard).toContain('cafe title > Practice Questions');
    expect(flashcard).toContain('space shows the answer | 1-4 grades at once');
    expect(flashcard).toMatch(/Space reveal {2}1-4 grade {2}Esc end {2}\? help\s+Quiz/);
    await ui.press('space');
    // The card's own dash stays: it is content, not a glyph of the app.
    await ui.waitForFrame('> To save round trips — each one costs ~30 ms.');
    await ui.press('3');
    const cloze = await ui.waitForFrame('Quiz 2/3');
    expect(cloze).toContain('last: [ok] Good | next due in 10 min | saved');
    expect(cloze).toMatch(/^>\s*$/m);
    await ui.press('60 s');
    await ui.waitForFrame('> 60 s');
    await ui.press('enter');
    const feedback = await ui.waitForFrame('[ok] right');
    expect(feedback).toContain('[ok] right | Good | next due in 10 min | saved');
    expect(feedback).toContain('> The café resolver keeps answers for 60 s — never longer.');
    await ui.press('enter');
    const choice = await ui.waitForFrame('Quiz 3/3');
    expect(choice).toMatch(/^> a\) /m);
    expect(choice).toContain('Up/Down move');
    await ui.press('?');
    const help = await ui.waitForFrame('Keys: Quiz');
    expect(help).toContain('Multiple choice (now)');
    expect(help).toMatch(/Down\s+move the highlight down/);
    await ui.press('escape');
    await ui.waitForFrame((frame) => frame.includes('Quiz 3/3') && !frame.includes('Keys: Quiz'));
    await ui.press('down');
    await ui.waitForFrame((frame) => /^> b\) /m.test(frame));
    const correct = session.questions[2]!.correctIndex!;
    const wrong = (correct + 1) % 4;
    await ui.press(String.fromCharCode(97 + wrong));
    const missed = await ui.waitForFrame('[x] wrong');
    expect(missed).toContain(`[ok] ${String.fromCharCode(97 + correct)}) 60 s`);
    expect(missed).toMatch(/\[x\] wrong: you picked .\); the answer is .\) 60 s \| Again \| next due in 1 min \| saved/);
    await ui.press('enter');
    const summary = await ui.waitForFrame('Session complete');
    expect(summary).toContain('Session complete: 2/3 right (67%) | 0 ms | 0 ms per item');
    expect(summary).toMatch(/^\[ok\]\s+0 ms flashcard Why does the café cache answers\?/m);
    expect(summary).toMatch(/^\[x\] {5}0 ms choice/m);
    expect(summary).toContain(' 1 cafe title > Key Points for Interviews (1 missed)');
    expect(summary).toMatch(/1-9 reread {2}u undo {2}Enter done {2}\? help\s+Quiz/);
    await ui.press('?');
    const summaryHelp = await ui.waitForFrame('The summary (now)');
    expect(summaryHelp).toMatch(/Enter q Esc\s+done: leave the quiz/);
    ui.expectAsciiFrames();
    // The card's own letters are still drawn as written.
    expect(ui.frames().some((frame) => frame.includes('café'))).toBe(true);
  });

  it('when the item runs out of time', async () => {
    const session = { ...asciiSession(), questions: asciiSession().questions.slice(1, 2) };
    const ui = await asciiScreen(session, 91);
    await ui.waitForFrame('time 0:30');
    await ui.advance(30_000);
    const frame = await ui.waitForFrame('time is up');
    expect(frame).toContain('[--] time is up: the answer is "60 s" | not graded');
    ui.expectAsciiFrames();
  });

  it('when lines are too wide and are cut', async () => {
    const session = asciiSession();
    const ui = await asciiScreen(session, 40, 17);
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('3');
    await ui.waitForFrame('Quiz 2/3');
    await ui.press('nope', 'enter');
    await ui.waitForFrame('[x] wrong');
    await ui.press('enter');
    await ui.waitForFrame('Quiz 3/3');
    await ui.press('escape');
    const summary = await ui.waitForFrame('Session ended');
    // The summary's rows do not fit in 39 columns: they are cut with "...", not Ink's "…".
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
