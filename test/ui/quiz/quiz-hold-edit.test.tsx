import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateItems } from '../../../src/core/quiz/items/generate-items.js';
import type { CardEditor } from '../../../src/ui/services.js';
import { quizCard } from '../../core/quiz/quiz-fixtures.js';
import { sessionCard, sessionItems, setup } from '../../core/quiz/session-fixtures.js';
import { quizApp, type QuizApp } from './quiz-app.js';

let app: QuizApp | undefined;
afterEach(() => app?.unmount());

const open = async (...args: Parameters<typeof quizApp>) => (app = await quizApp(...args));
const first = sessionItems[0]!;
const userCard = { ...sessionCard, origin: 'user' as const, path: '/learner/cards/ttl.md' };

/** A card editor that records its calls and gives back the card's items as `edited` says. */
function fakeEditor(edited: () => ReturnType<typeof generateItems>, whileOpen: () => Promise<void> = async () => undefined): CardEditor & { calls: [string, number][] } {
  const calls: [string, number][] = [];
  const edit = async (path: string, line: number) => {
    calls.push([path, line]);
    await whileOpen();
    return { ok: true as const };
  };
  return { calls, userCardsDir: '/learner/cards', edit, reloadItems: async () => edited() };
}

describe('holding an item in the quiz', () => {
  it('suspends the flashcard on screen with @, says so with the undo key, and u brings it back', async () => {
    const ui = await open(setup('flashcard'), { cards: [sessionCard] });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('@');
    const held = await ui.waitForFrame('suspended:');
    expect(held).toContain(`suspended: ${first.text} (u to undo)`);
    expect(held).toContain('Quiz 1/2');
    expect(ui.written).toEqual([expect.objectContaining({ type: 'suspend', item: first.id })]);
    await ui.advance(1000);
    expect(ui.frameText()).toContain('(u to undo)');
    await ui.press('u');
    const back = await ui.waitForFrame('brought back:');
    expect(back).toContain('Quiz 1/3');
    expect(back).toContain('Unbound caps TTLs at _____ by default.');
    expect(ui.written.at(-1)).toEqual(expect.objectContaining({ type: 'undo', undoes: ui.written[0]!.id }));
  });

  it('buries a cloze on its verdict with -, and Ctrl-Z undoes it while the next cloze is typed', async () => {
    const ui = await open(setup('cloze'), { cards: [sessionCard] });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('-');
    expect(ui.frameText()).not.toContain('buried');
    await ui.press('backspace', 'the ceiling', 'enter');
    await ui.waitForFrame('✗ wrong');
    await ui.press('-');
    const buried = await ui.waitForFrame('buried until tomorrow:');
    expect(buried).toContain(`buried until tomorrow: ${first.text} (Ctrl-Z to undo)`);
    expect(buried).toContain('Quiz 2/3');
    expect(ui.written.map((entry) => entry.type)).toEqual(['review', 'bury']);
    await ui.press('ctrl-z');
    const back = await ui.waitForFrame('brought back:');
    expect(back).toContain('✗ wrong');
    expect(ui.written.map((entry) => entry.type)).toEqual(['review', 'bury', 'undo']);
  });

  it('lists the hold and edit keys in the help, and says where they work while an answer is typed', async () => {
    const ui = await open(setup('choice'), { cards: [sessionCard], rows: 60 });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('?');
    const help = await ui.waitForFrame('Keys: Quiz');
    expect(help).toMatch(/Typing an answer[\s\S]*Ctrl-Z\s+undo the last answer or hold; @ - e act on the verdict/);
    expect(help).toMatch(/After answering[\s\S]*@\s+suspend this item until you bring it back \(u undoes\)/);
    expect(help).toMatch(/-\s+bury this item for the rest of today \(u undoes\)/);
    expect(help).toMatch(/e\s+edit its card at its line in \$EDITOR \(bundled: how to copy it\)/);
  });

  it('shows "not saved" for a hold the log could not take, as for an answer', async () => {
    const ui = await open(setup('flashcard'), { cards: [sessionCard], record: () => ({ ok: false, reason: 'the disk is full' }) });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('@');
    expect(await ui.waitForFrame('not saved')).toContain('! not saved: the disk is full');
  });
});

describe('where an item is written, and editing it', () => {
  it("shows the item's card file and line", async () => {
    const ui = await open(setup('flashcard'), { cards: [userCard] });
    expect(await ui.waitForFrame('Quiz 1/3')).toContain(`/learner/cards/ttl.md:${first.source.line}`);
  });

  it("shows it from the cards' metadata while the cards themselves are still read (the app opened at a quiz)", async () => {
    const ui = await open(setup('flashcard'), { cards: [], cardsLater: { metas: [userCard], loaded: new Promise(() => undefined) } });
    expect(await ui.waitForFrame('Quiz 1/3')).toContain(`/learner/cards/ttl.md:${first.source.line}`);
  });

  it('says for a bundled card where the item is and how to copy the card, and changes nothing', async () => {
    const editor = fakeEditor(() => []);
    const ui = await open(setup('flashcard'), { cards: [sessionCard], cardEditor: editor });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('e');
    const frame = await ui.waitForFrame('bundled card');
    expect(frame).toContain(`ttl is a bundled card, read-only: ttl.md:${first.source.line}`);
    expect(frame).toContain("cp 'ttl.md'");
    expect(editor.calls).toEqual([]);
    expect(ui.written).toEqual([]);
  });

  it("opens a user's card at the item's line, then asks the edited item afresh with its whole time", async () => {
    const changed = quizCard('ttl', ['Unbound caps TTLs at **86400 s** by default, like BIND.', 'Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s** by default.', 'Serve-stale is in **RFC 8767**.']);
    const editor = fakeEditor(() => generateItems([changed]));
    const ui = await open(setup('flashcard'), { cards: [userCard], cardEditor: editor });
    await ui.waitForFrame('⏱ 0:30');
    await ui.advance(5000);
    await ui.press('e');
    const frame = await ui.waitForFrame('edited:');
    expect(editor.calls).toEqual([['/learner/cards/ttl.md', first.source.line]]);
    expect(frame).toContain('Unbound caps TTLs at _____ by default, like BIND.');
    expect(frame).toContain('Quiz 1/3');
    expect(frame).toContain('⏱ 0:30');
  });

  it('does not count the time in the editor against the item when nothing changed', async () => {
    const editor = fakeEditor(() => sessionItems, () => app!.timer.advance(10_000));
    const ui = await open(setup('flashcard'), { cards: [userCard], cardEditor: editor });
    await ui.waitForFrame('⏱ 0:30');
    await ui.advance(5000);
    await ui.waitForFrame('⏱ 0:25');
    await ui.press('e');
    const frame = await ui.waitForFrame('unchanged:');
    expect(frame).toContain(`unchanged: /learner/cards/ttl.md:${first.source.line}`);
    expect(frame).toContain('⏱ 0:25');
    await ui.advance(1000);
    expect(await ui.waitForFrame('⏱ 0:24')).toContain('unchanged:');
  });

  it('moves on when the edit removed the point', async () => {
    const editor = fakeEditor(() => generateItems([quizCard('ttl', ['Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s** by default.'])]));
    const ui = await open(setup('flashcard'), { cards: [userCard], cardEditor: editor });
    await ui.waitForFrame('Quiz 1/3');
    await ui.press('e');
    const frame = await ui.waitForFrame('is gone');
    expect(frame).toContain('that point is gone from ttl after the edit: moving on');
    expect(frame).toContain('Chrome keeps answers for _____.');
    expect(ui.written).toEqual([]);
  });
});

vi.setConfig({ testTimeout: 20_000 });
