import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_APP, type AppState } from '../../src/ui/app-state.js';
import { openReader } from '../../src/ui/screens/reader/reader-state.js';
import { renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const readerOn = (cardId: string): AppState => ({ ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'reader', reader: openReader(cardId) }] });

describe('card and simulator together', () => {
  it('on a wide terminal shows the card and its scenario side by side; Tab moves the keys between them', async () => {
    app = await renderApp({ initialState: readerOn('recursive-vs-iterative'), columns: 160, rows: 40 });
    await app.waitForFrame('Recursive vs iterative');
    await app.press('s');
    let frame = await app.waitForFrame('step 1/18');
    expect(frame).toMatch(/Recursive vs iterative.*│Cold cache: the full walk/);
    expect(frame).toMatch(/ Card {2}›Simulator /);
    await app.press('l');
    await app.waitForFrame('step 2/18');
    await app.press('tab');
    frame = await app.waitForFrame(/›Card\s+Simulator/);
    await app.press('G');
    frame = await app.waitForFrame((text) => /Bot│/.test(text.split('\n')[1]!));
    expect(frame).toContain('step 2/18');
  });

  it('on a narrow terminal shows one tab at a time', async () => {
    app = await renderApp({ initialState: readerOn('recursive-vs-iterative'), columns: 90, rows: 30 });
    await app.press('s');
    let frame = await app.waitForFrame('step 1/18');
    expect(frame).not.toContain('Recursive vs iterative');
    await app.press('tab');
    frame = await app.waitForFrame(/›Card/);
    expect(frame).toContain('Recursive vs iterative');
    expect(frame).not.toContain('step 1/18');
  });

  it('Esc in the simulator closes it and leaves the card where it was; Esc in the card goes home', async () => {
    app = await renderApp({ initialState: readerOn('recursive-vs-iterative'), columns: 160, rows: 40 });
    await app.press('j', 'j', 'j');
    const scrolled = (await app.waitForFrame('%')).split('\n')[1];
    await app.press('s');
    await app.waitForFrame('step 1/18');
    await app.press('escape');
    const frame = await app.waitForFrame((text) => !text.includes('step 1/18'));
    expect(frame.split('\n')[1]).toBe(scrolled);
    await app.press('s', 'tab', 'escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('follows a resize from wide to narrow and back', async () => {
    app = await renderApp({ initialState: readerOn('recursive-vs-iterative'), columns: 160, rows: 40 });
    await app.press('s');
    await app.waitForFrame(/│Cold cache/);
    await app.resize(90, 30);
    await app.waitForFrame((text) => text.includes('step 1/18') && !text.includes('Recursive vs iterative'));
    await app.resize(160, 40);
    await app.waitForFrame(/Recursive vs iterative.*│Cold cache/);
  });
});
