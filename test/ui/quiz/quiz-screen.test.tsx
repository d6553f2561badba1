import { afterEach, describe, expect, it } from 'vitest';
import { questions, setup } from '../../core/quiz/session-fixtures.js';
import { quizApp, type QuizApp } from './quiz-app.js';

let app: QuizApp | undefined;
afterEach(() => app?.unmount());

const open = async (...args: Parameters<typeof quizApp>) => (app = await quizApp(...args));

/** Answers the first cloze wrongly ("the ceiling" for 86400 s) and waits for the verdict. */
async function answerWrong(ui: QuizApp): Promise<string> {
  await ui.waitForFrame('Quiz 1/3');
  await ui.press('the ceiling', 'enter');
  return ui.waitForFrame('✗ wrong');
}

describe('the quiz screen', () => {
  it('counts down from the injected clock, reveals with space and grades with 1-4', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('⏱ 0:30');
    expect(ui.frameText()).toContain('Unbound caps TTLs at _____ by default.');
    await ui.advance(7000);
    await ui.waitForFrame('⏱ 0:23');
    await ui.press('space');
    await ui.waitForFrame('→ Unbound caps TTLs at 86400 s by default.');
    await ui.press('3');
    const frame = await ui.waitForFrame('Quiz 2/3');
    expect(frame).toContain('last: ✓ Good · next due in 10 min · saved');
    expect(ui.written).toEqual([expect.objectContaining({ type: 'review', grade: 3, mode: 'flashcard', ms: 7000 })]);
  });

  it('names the keys in force in the app status bar, and the screen on its right', async () => {
    const ui = await open(setup('flashcard'));
    const lastLine = (frame: string) => frame.trimEnd().split('\n').at(-1)!;
    expect(lastLine(await ui.waitForFrame('Quiz 1/3'))).toMatch(/^Space reveal {2}1-4 grade {2}Esc end {2}\? help\s+Quiz$/);
    await ui.press('space');
    expect(lastLine(await ui.waitForFrame('→ Unbound'))).toMatch(/^1-4 grade {2}Esc end {2}\? help\s+Quiz$/);
  });

  it('writes each answer before its verdict is drawn', async () => {
    const framesAtWrite: string[] = [];
    const ui = await open(setup('cloze'), {
      record: () => {
        framesAtWrite.push(app!.frameText());
        return { ok: true };
      },
    });
    await ui.waitForFrame('⏱ 0:30');
    await ui.press('86400 s', 'enter');
    await ui.waitForFrame('✓ right');
    expect(framesAtWrite).toHaveLength(1);
    expect(framesAtWrite[0]).not.toContain('✓ right');
  });

  it('shows the answer when the countdown runs out, grades nothing, and asks the item again at the end', async () => {
    const ui = await open(setup('cloze'));
    await ui.waitForFrame('⏱ 0:30');
    await ui.advance(29_000);
    await ui.waitForFrame('⏱ 0:01');
    expect(ui.written).toEqual([]);
    await ui.advance(1000);
    const frame = await ui.waitForFrame('⏱ time is up');
    expect(frame).toContain('the answer is "86400 s"');
    expect(frame).toContain('→ Unbound caps TTLs at 86400 s by default.');
    expect(frame).toContain('not graded · asked again at the end · saved');
    expect(ui.written).toEqual([expect.objectContaining({ type: 'timed-out', ms: 30_000 })]);
    await ui.press('enter');
    await ui.waitForFrame('Quiz 2/4');
  });

  it('counts a rejected typed answer right with r ("I was right"), logged as an override that u takes back', async () => {
    const ui = await open(setup('cloze', { retryMisses: true }));
    const rejected = await answerWrong(ui);
    expect(rejected).toContain('r: I was right, count it');
    expect(rejected).toContain('Quiz 1/4');
    await ui.press('r');
    const claimed = await ui.waitForFrame('✓ counted right');
    expect(claimed).toContain('✓ counted right: you wrote "the ceiling" (expected "86400 s") · Good · next due in 10 min');
    expect(claimed).not.toContain('I was right, count it');
    expect(claimed).toContain('Quiz 1/3');
    expect(ui.written).toEqual([
      expect.objectContaining({ type: 'review', id: 'test-1', grade: 1, given: 'the ceiling' }),
      expect.objectContaining({ type: 'undo', undoes: 'test-1' }),
      expect.objectContaining({ type: 'review', id: 'test-3', grade: 3, correct: true, given: 'the ceiling', overrides: 'test-1' }),
    ]);
    await ui.press('u');
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3') && frame.includes('› '));
    expect(ui.written.at(-1)).toMatchObject({ type: 'undo', undoes: 'test-3' });
  });

  it('refuses r after a right answer, with a notice and nothing written', async () => {
    const ui = await open(setup('cloze'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('86400 s', 'enter');
    await ui.waitForFrame('✓ right');
    await ui.press('r');
    await ui.waitForFrame('only a typed answer the check rejected can be counted right');
    expect(ui.written).toHaveLength(1);
  });

  it('takes typed answers for a cloze, with backspace, Ctrl-W and Esc to clear', async () => {
    const ui = await open(setup('cloze'));
    await ui.waitForFrame('› ');
    await ui.press('8640');
    await ui.waitForFrame('› 8640');
    await ui.press('backspace');
    await ui.waitForFrame((frame) => frame.includes('› 864') && !frame.includes('› 8640'));
    await ui.press('escape');
    await ui.waitForFrame((frame) => /^›\s*$/m.test(frame));
    await ui.press('wrong words', 'ctrl-w');
    await ui.waitForFrame((frame) => /^› wrong\s*$/m.test(frame));
    await ui.press('ctrl-u', '86400 seconds', 'enter');
    const frame = await ui.waitForFrame('✓ right');
    expect(frame).toContain('Good · next due in 10 min · saved');
    expect(ui.written[0]).toMatchObject({ given: '86400 seconds', correct: true });
  });

  it('submits an answer and Enter that arrive in one read, as fast typing or a paste delivers them', async () => {
    const ui = await open(setup('cloze'));
    await ui.waitForFrame('› ');
    await ui.typeFast('86400 seconds\r');
    const frame = await ui.waitForFrame('✓ right');
    expect(frame).not.toContain('86400 seconds ');
    expect(ui.written[0]).toMatchObject({ given: '86400 seconds', correct: true });
  });

  it('answers a choice with its letter, or with the arrows and Enter', async () => {
    const session = setup('choice');
    const correct = session.questions[0]!.correctIndex!;
    const ui = await open(session);
    await ui.waitForFrame('a) ');
    await ui.press(String.fromCharCode(97 + correct));
    await ui.waitForFrame('✓ right');
    await ui.press('enter');
    await ui.waitForFrame('Quiz 2/3');
    const wrong = (session.questions[1]!.correctIndex! + 1) % 4;
    for (let i = 0; i < wrong; i++) await ui.press('down');
    await ui.waitForFrame(`› ${String.fromCharCode(97 + wrong)}) `);
    await ui.press('enter');
    await ui.waitForFrame('✗ wrong');
    expect(ui.written.map((entry) => entry.type === 'review' && entry.correct)).toEqual([true, false]);
  });

  it('undoes the last grade with u and shows the card turned over again', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('1');
    await ui.waitForFrame('Quiz 2/3');
    await ui.press('u');
    const frame = await ui.waitForFrame('Quiz 1/3');
    expect(frame).toContain('→ Unbound caps TTLs at 86400 s by default.');
    expect(ui.written.map((entry) => entry.type)).toEqual(['review', 'undo']);
    expect(ui.written[1]).toMatchObject({ undoes: ui.written[0]!.id });
  });

  it('says NOT saved, and why, when the log cannot be written', async () => {
    const ui = await open(setup('flashcard'), { record: () => ({ ok: false, reason: 'no space left on the device' }) });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('3');
    const frame = await ui.waitForFrame('NOT saved');
    expect(frame).toContain('! not saved: no space left on the device');
  });

  it('counts the session down too and ends it when time is up', async () => {
    const ui = await open(setup('flashcard', { sessionLimitMs: 60_000 }));
    await ui.waitForFrame('session 1:00');
    await ui.advance(20_000);
    await ui.waitForFrame('session 0:40');
    await ui.press('space');
    await ui.advance(40_000);
    const frame = await ui.waitForFrame('Time is up');
    expect(frame).toContain('Time is up: nothing answered · 1 ran out of time (not graded)');
    expect(ui.written).toEqual([expect.objectContaining({ type: 'timed-out', mode: 'flashcard' })]);
  });

  it('ends with a summary: score, time per item, and sections to reread that open with their number in place of the quiz', async () => {
    const ui = await open({ ...setup('cloze'), questions: questions('cloze', 2) });
    await ui.waitForFrame('Quiz 1/2');
    await ui.advance(4000);
    await ui.press('86400 s', 'enter');
    await ui.waitForFrame('✓ right');
    await ui.press('enter', 'nope', 'enter');
    await ui.waitForFrame('✗ wrong');
    await ui.press('enter');
    const frame = await ui.waitForFrame('Session complete');
    expect(frame).toContain('1/2 right (50%)');
    expect(frame).toMatch(/✓\s+4 s cloze/);
    expect(frame).toContain('Weakest tags: dns (1 of 2 missed)');
    expect(frame).toMatch(/1 ttl title › Key Points for Interviews \(1 missed\)/);
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/^1-9 reread {2}u undo {2}Enter done {2}\? help\s+Quiz$/);
    await ui.press('1');
    // The fixture's card is not among the loaded ones: the reader says so, where the summary was.
    await ui.waitForFrame('There is no card "ttl"');
    expect(ui.closed).toEqual([expect.objectContaining({ asked: 2, correct: 1 })]);
    // The reader took the quiz's place as the first screen: leaving it leaves the app.
    await ui.press('escape');
    expect(ui.exits).toEqual([0]);
  });

  it('ends the session early with Esc, and leaving the summary leaves the app the quiz was opened in', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('4');
    await ui.waitForFrame('Quiz 2/3');
    await ui.press('escape');
    const frame = await ui.waitForFrame('Session ended');
    expect(frame).toContain('1/1 right (100%)');
    // Nothing was missed, so there is no section to reread and no key for it.
    expect(frame.trimEnd().split('\n').at(-1)).toMatch(/^u undo {2}Enter done {2}\? help\s+Quiz$/);
    await ui.press('q');
    expect(ui.exits).toEqual([0]);
    expect(ui.closed).toEqual([expect.objectContaining({ asked: 1, correct: 1, endedBy: 'quit' })]);
  });

  it('uses no CPU once the session is over: its clock stops ticking', async () => {
    const ui = await open({ ...setup('flashcard'), questions: questions('flashcard', 1) });
    await ui.waitForFrame('Quiz 1/1');
    expect(ui.timer.pending()).toBe(1);
    await ui.press('3');
    await ui.waitForFrame('Session complete');
    expect(ui.timer.pending()).toBe(0);
  });
});

describe('the app help over the quiz', () => {
  const helpOpen = (frame: string) => frame.includes('Keys: Quiz');

  it('lists every quiz key on ? from a flashcard, those in force first, and says the clock is paused', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('?');
    const frame = await ui.waitForFrame(helpOpen);
    expect(frame).toContain('Keys: Quiz (the clock is paused)');
    // The keys in force head the list; the other quiz tables follow below them.
    expect(frame.split('\n')[2]).toContain('A flashcard (now)');
    expect(frame).toMatch(/more lines below/);
    expect(frame).toMatch(/Space\s+show the answer/);
    expect(frame).toMatch(/1-4\s+grade it: 1 Again, 2 Hard, 3 Good, 4 Easy/);
    expect(frame).toMatch(/u\s+undo the last answer/);
    expect(frame).toContain('Ctrl-C quits at once');
    expect(frame).not.toContain('Quiz 1/3');
  });

  it('stops the countdown while open: past the item limit it has not timed out, and runs on from where it was', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('⏱ 0:30');
    await ui.advance(5000);
    await ui.waitForFrame('⏱ 0:25');
    await ui.press('?');
    await ui.waitForFrame(helpOpen);
    await ui.advance(40_000);
    await ui.press('escape');
    const closed = await ui.waitForFrame((frame) => !helpOpen(frame) && frame.includes('Quiz 1/3'));
    expect(closed).toContain('⏱ 0:25');
    expect(ui.written).toEqual([]);
    await ui.advance(24_000);
    await ui.waitForFrame('⏱ 0:01');
    expect(ui.written).toEqual([]);
    await ui.advance(1000);
    await ui.waitForFrame('⏱ time is up');
    expect(ui.written[0]).toMatchObject({ type: 'timed-out' });
  });

  it('lists the "I was right" key on ? after an answer, from the same keymap row the screen obeys', async () => {
    const ui = await open(setup('cloze'));
    await answerWrong(ui);
    await ui.press('?');
    const frame = await ui.waitForFrame(helpOpen);
    expect(frame.split('\n')[2]).toContain('After answering (now)');
    expect(frame).toMatch(/\br\s+I was right: count a rejected typed answer as Good \(u takes it back\)/);
  });

  it('takes no other key while open, and Esc closes it without ending the session', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('?');
    await ui.waitForFrame(helpOpen);
    await ui.press('3', 'space', 'u', 'escape');
    const frame = await ui.waitForFrame((text) => !helpOpen(text) && text.includes('Quiz 1/3'));
    expect(frame).toContain('space shows the answer');
    expect(frame).not.toContain('Session ended');
    expect(ui.written).toEqual([]);
    await ui.press('escape');
    await ui.waitForFrame('Session ended');
  });

  it('types ? into a cloze answer instead of opening the help', async () => {
    const ui = await open(setup('cloze'));
    await ui.waitForFrame('› ');
    await ui.press('why?');
    const frame = await ui.waitForFrame('› why?');
    expect(frame).not.toContain('Keys: Quiz');
  });

  it('opens on the summary too, where the clock is not mentioned and Esc closes it rather than leaving', async () => {
    const ui = await open(setup('flashcard'));
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('escape');
    await ui.waitForFrame('Session ended');
    await ui.press('?');
    const frame = await ui.waitForFrame(helpOpen);
    expect(frame).toContain('The summary (now)');
    expect(frame).not.toContain('paused');
    expect(frame).toMatch(/Enter q Esc\s+done: leave the quiz/);
    await ui.press('escape');
    await ui.waitForFrame((text) => !helpOpen(text) && text.includes('Session ended'));
    expect(ui.exits).toEqual([]);
  });
});

describe('the quiz screen in ASCII mode', () => {
  it('draws the countdown without block glyphs', async () => {
    const ui = await open(setup('cloze'), { theme: { ascii: true } });
    const frame = await ui.waitForFrame('time 0:30');
    expect(frame).toContain('################ time 0:30');
    expect(frame).not.toMatch(/[█░⏱]/);
  });

  it('draws the key help with a plain border and says how many lines did not fit', async () => {
    const ui = await open(setup('flashcard'), { theme: { ascii: true }, rows: 16 });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('?');
    const frame = await ui.waitForFrame('Keys: Quiz');
    expect(frame).toMatch(/^\+-+\+$/m);
    expect(frame).toMatch(/^\| A flashcard \(now\)\s+\|$/m);
    expect(frame).toMatch(/^\| \.\.\. \d+ more lines below\s+\|$/m);
    expect(frame).not.toMatch(/[╭╮╰╯│…]/);
  });
});

