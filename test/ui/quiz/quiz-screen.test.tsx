import { describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../../src/core/quiz/log-entry.js';
import type { RecordEntries } from '../../../src/core/quiz/record.js';
import type { SessionSetup } from '../../../src/core/quiz/session.js';
import { QuizScreen } from '../../../src/ui/screens/quiz/quiz-screen.js';
import { questions, setup } from '../../core/quiz/session-fixtures.js';
import { KEY, manualClock, mount } from './ink-helpers.js';

const T0 = Date.UTC(2026, 5, 1, 9);

function screen(session: SessionSetup, record: RecordEntries = () => ({ ok: true })) {
  const clock = manualClock(T0);
  const written: LogEntry[] = [];
  const recorder = vi.fn<RecordEntries>((entries) => {
    written.push(...entries);
    return record(entries);
  });
  const onExit = vi.fn();
  const onOpenCard = vi.fn();
  const ui = mount(<QuizScreen session={session} clock={clock} record={recorder} onExit={onExit} onOpenCard={onOpenCard} width={90} height={22} />);
  return { ...ui, clock, written, recorder, onExit, onOpenCard };
}

describe('QuizScreen', () => {
  it('counts down from the injected clock, reveals with space and grades with 1-4', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:30'));
    expect(ui.frameText()).toContain('ttl title: complete and explain: "Unbound caps TTLs at …"');
    ui.clock.advance(7000);
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:23'));
    ui.press(' ');
    await ui.waitForFrame((frame) => frame.includes('→ Unbound caps TTLs at 86400 s by default.'));
    ui.press('3');
    const frame = await ui.waitForFrame((text) => text.includes('Quiz 2/3'));
    expect(frame).toContain('last: ✓ Good · next due in 10 min · saved');
    expect(ui.written).toEqual([expect.objectContaining({ type: 'review', grade: 3, mode: 'flashcard', ms: 7000 })]);
  });

  it('writes each answer before its verdict is drawn', async () => {
    const framesAtWrite: string[] = [];
    const ui = screen(setup('cloze'), () => {
      framesAtWrite.push(ui.frameText());
      return { ok: true };
    });
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:30'));
    ui.press('86400 s', KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('✓ right'));
    expect(framesAtWrite).toHaveLength(1);
    expect(framesAtWrite[0]).not.toContain('✓ right');
  });

  it('reveals the answer and scores a miss when the countdown runs out', async () => {
    const ui = screen(setup('cloze'));
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:30'));
    ui.clock.advance(29_000);
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:01'));
    expect(ui.written).toEqual([]);
    ui.clock.advance(1000);
    const frame = await ui.waitForFrame((text) => text.includes('⏱ time is up'));
    expect(frame).toContain('the answer is "86400 s"');
    expect(frame).toContain('→ Unbound caps TTLs at 86400 s by default.');
    expect(ui.written[0]).toMatchObject({ timedOut: true, grade: 1 });
    ui.press(KEY.enter);
    await ui.waitForFrame((text) => text.includes('Quiz 2/3'));
  });

  it('takes typed answers for a cloze, with backspace and Esc to clear', async () => {
    const ui = screen(setup('cloze'));
    await ui.waitForFrame((frame) => frame.includes('› '));
    ui.press('8640');
    await ui.waitForFrame((frame) => frame.includes('› 8640'));
    ui.press(KEY.backspace);
    await ui.waitForFrame((frame) => frame.includes('› 864') && !frame.includes('› 8640'));
    ui.press(KEY.escape);
    await ui.waitForFrame((frame) => /^›\s*$/m.test(frame));
    ui.press('86400 seconds', KEY.enter);
    const frame = await ui.waitForFrame((text) => text.includes('✓ right'));
    expect(frame).toContain('Good · next due in 10 min · saved');
    expect(ui.written[0]).toMatchObject({ given: '86400 seconds', correct: true });
  });

  it('submits an answer and Enter that arrive in one read, as fast typing or a paste delivers them', async () => {
    const ui = screen(setup('cloze'));
    await ui.waitForFrame((frame) => frame.includes('› '));
    ui.press('86400 seconds\r');
    const frame = await ui.waitForFrame((text) => text.includes('✓ right'));
    expect(frame).not.toContain('86400 seconds ');
    expect(ui.written[0]).toMatchObject({ given: '86400 seconds', correct: true });
  });

  it('answers a choice with its letter, or with the arrows and Enter', async () => {
    const session = setup('choice');
    const correct = session.questions[0]!.correctIndex!;
    const ui = screen(session);
    await ui.waitForFrame((frame) => frame.includes('a) '));
    ui.press(String.fromCharCode(97 + correct));
    await ui.waitForFrame((frame) => frame.includes('✓ right'));
    ui.press(KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('Quiz 2/3'));
    const wrong = (session.questions[1]!.correctIndex! + 1) % 4;
    for (let i = 0; i < wrong; i++) ui.press(KEY.down);
    await ui.waitForFrame((frame) => frame.includes(`› ${String.fromCharCode(97 + wrong)}) `));
    ui.press(KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('✗ wrong'));
    expect(ui.written.map((entry) => entry.type === 'review' && entry.correct)).toEqual([true, false]);
  });

  it('undoes the last grade with u and shows the card turned over again', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('1');
    await ui.waitForFrame((frame) => frame.includes('Quiz 2/3'));
    ui.press('u');
    const frame = await ui.waitForFrame((text) => text.includes('Quiz 1/3'));
    expect(frame).toContain('→ Unbound caps TTLs at 86400 s by default.');
    expect(ui.written.map((entry) => entry.type)).toEqual(['review', 'undo']);
    expect(ui.written[1]).toMatchObject({ undoes: ui.written[0]!.id });
  });

  it('says NOT saved, and why, when the log cannot be written', async () => {
    const ui = screen(setup('flashcard'), () => ({ ok: false, reason: 'no space left on the device' }));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('3');
    const frame = await ui.waitForFrame((text) => text.includes('NOT saved'));
    expect(frame).toContain('! not saved: no space left on the device');
  });

  it('counts the session down too and ends it when time is up', async () => {
    const ui = screen(setup('flashcard', { sessionLimitMs: 60_000 }));
    await ui.waitForFrame((frame) => frame.includes('session 1:00'));
    ui.clock.advance(20_000);
    await ui.waitForFrame((frame) => frame.includes('session 0:40'));
    ui.press(' ');
    ui.clock.advance(40_000);
    const frame = await ui.waitForFrame((text) => text.includes('Time is up'));
    expect(frame).toContain('0/1 right (0%)');
    expect(ui.written[0]).toMatchObject({ timedOut: true });
  });

  it('ends with a summary: score, time per item, sections to reread that open with their number', async () => {
    const ui = screen({ ...setup('cloze'), questions: questions('cloze', 2) });
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/2'));
    ui.clock.advance(4000);
    ui.press('86400 s', KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('✓ right'));
    ui.press(KEY.enter, 'nope', KEY.enter);
    await ui.waitForFrame((frame) => frame.includes('✗ wrong'));
    ui.press(KEY.enter);
    const frame = await ui.waitForFrame((text) => text.includes('Session complete'));
    expect(frame).toContain('1/2 right (50%)');
    expect(frame).toMatch(/✓\s+4 s cloze/);
    expect(frame).toContain('Weakest tags: dns (1 of 2 missed)');
    expect(frame).toMatch(/1 ttl title › Key Points for Interviews \(1 missed\)/);
    ui.press('1');
    await vi.waitFor(() => expect(ui.onOpenCard).toHaveBeenCalledWith('ttl', 'Key Points for Interviews'));
    ui.press(KEY.enter);
    await vi.waitFor(() => expect(ui.onExit).toHaveBeenCalledWith(expect.objectContaining({ asked: 2, correct: 1 })));
  });

  it('ends the session early with Esc and shows what was answered', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('4');
    await ui.waitForFrame((frame) => frame.includes('Quiz 2/3'));
    ui.press(KEY.escape);
    const frame = await ui.waitForFrame((text) => text.includes('Session ended'));
    expect(frame).toContain('1/1 right (100%)');
    expect(frame).toContain('enter/q/esc done');
  });

  it('uses no CPU once the session is over: the clock subscription is released', async () => {
    const clock = manualClock(T0);
    const ui = mount(<QuizScreen session={{ ...setup('flashcard'), questions: questions('flashcard', 1) }} clock={clock} record={() => ({ ok: true })} onExit={() => {}} />);
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/1'));
    expect(clock.listeners()).toBe(1);
    ui.press('3');
    await ui.waitForFrame((frame) => frame.includes('Session complete'));
    await vi.waitFor(() => expect(clock.listeners()).toBe(0));
  });
});

describe('QuizScreen key help', () => {
  const helpOpen = (frame: string) => frame.includes('Keys: Quiz');

  it('lists every key on ? from a flashcard, grouped by when it applies, and says the clock is paused', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('?');
    const frame = await ui.waitForFrame(helpOpen);
    expect(frame).toContain('Keys: Quiz (the clock is paused)');
    expect(frame).toContain('Flashcard (now)');
    expect(frame).toMatch(/space\s+reveal/);
    expect(frame).toMatch(/1-4\s+Again\/Hard\/Good\/Easy/);
    expect(frame).toMatch(/u\s+undo last grade/);
    expect(frame).toContain('Ctrl-C quits at once');
    expect(frame).toContain('?/esc close help · the clock is paused');
    expect(frame).not.toContain('Quiz 1/3');
  });

  it('stops the countdown while open: past the item limit it has not timed out, and runs on from where it was', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:30'));
    ui.clock.advance(5000);
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:25'));
    ui.press('?');
    await ui.waitForFrame(helpOpen);
    ui.clock.advance(40_000);
    ui.press(KEY.escape);
    const closed = await ui.waitForFrame((frame) => !helpOpen(frame));
    expect(closed).toContain('Quiz 1/3');
    expect(closed).toContain('⏱ 0:25');
    expect(ui.written).toEqual([]);
    ui.clock.advance(24_000);
    await ui.waitForFrame((frame) => frame.includes('⏱ 0:01'));
    expect(ui.written).toEqual([]);
    ui.clock.advance(1000);
    await ui.waitForFrame((frame) => frame.includes('⏱ time is up'));
    expect(ui.written[0]).toMatchObject({ timedOut: true });
  });

  it('takes no other key while open, and Esc closes it without ending the session', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press('?');
    await ui.waitForFrame(helpOpen);
    ui.press('3', ' ', 'u');
    ui.press(KEY.escape);
    const frame = await ui.waitForFrame((text) => !helpOpen(text));
    expect(frame).toContain('Quiz 1/3');
    expect(frame).toContain('space shows the answer');
    expect(frame).not.toContain('Session ended');
    expect(ui.written).toEqual([]);
    ui.press(KEY.escape);
    await ui.waitForFrame((text) => text.includes('Session ended'));
  });

  it('types ? into a cloze answer instead of opening the help', async () => {
    const ui = screen(setup('cloze'));
    await ui.waitForFrame((frame) => frame.includes('› '));
    ui.press('why?');
    const frame = await ui.waitForFrame((text) => text.includes('› why?'));
    expect(frame).not.toContain('Keys: Quiz');
  });

  it('opens on the summary too, where Enter closes the help rather than leaving', async () => {
    const ui = screen(setup('flashcard'));
    await ui.waitForFrame((frame) => frame.includes('Quiz 1/3'));
    ui.press(KEY.escape);
    await ui.waitForFrame((frame) => frame.includes('Session ended'));
    ui.press('?');
    const frame = await ui.waitForFrame(helpOpen);
    expect(frame).toContain('Summary (now)');
    expect(frame).toMatch(/enter\/q\/esc\s+done/);
    expect(frame).toMatch(/\?\/esc close help\s*$/);
    ui.press(KEY.enter);
    await ui.waitForFrame((text) => text.includes('Session ended'));
    expect(ui.onExit).not.toHaveBeenCalled();
  });
});

describe('QuizScreen in ASCII mode', () => {
  it('draws the countdown without block glyphs', async () => {
    const ui = mount(<QuizScreen session={setup('cloze')} clock={manualClock(T0)} record={() => ({ ok: true })} onExit={() => {}} ascii />);
    const frame = await ui.waitForFrame((text) => text.includes('time 0:30'));
    expect(frame).toContain('################ time 0:30');
    expect(frame).not.toMatch(/[█░⏱]/);
  });

  it('draws the key help with a plain border and says how many lines did not fit', async () => {
    const ui = mount(<QuizScreen session={setup('flashcard')} clock={manualClock(T0)} record={() => ({ ok: true })} onExit={() => {}} height={14} ascii />);
    await ui.waitForFrame((text) => text.includes('Quiz 1/3'));
    ui.press('?');
    const frame = await ui.waitForFrame((text) => text.includes('Keys: Quiz'));
    expect(frame).toMatch(/^\+-+\+$/m);
    expect(frame).toMatch(/^\| Flashcard \(now\)\s+\|$/m);
    expect(frame).toMatch(/^\| \.\.\. \d+ more lines below\s+\|$/m);
    expect(frame).not.toMatch(/[╭╮╰╯│…]/);
  });
});
