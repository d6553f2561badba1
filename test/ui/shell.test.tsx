import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/markdown/wrap.js';
import { INITIAL_APP, type AppState, type Route } from '../../src/ui/app-state.js';
import { bindingsOf, KEYMAP, type Mode } from '../../src/ui/keymap.js';
import { openReader } from '../../src/ui/screens/reader/reader-state.js';
import { openSimulator } from '../../src/ui/screens/simulator/simulator-state.js';
import { renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

function at(route: Route): AppState {
  return { ...INITIAL_APP, stack: [...INITIAL_APP.stack, route] };
}

const SCREENS: [name: string, state: AppState, ready: string][] = [
  ['home', INITIAL_APP, BUNDLED_CARDS_LABEL],
  ['reader', at({ kind: 'reader', reader: openReader('negative-caching') }), 'Negative Caching'],
  ['simulator list', at({ kind: 'simulator', sim: openSimulator() }), 'pick a scenario'],
  ['simulator run', at({ kind: 'simulator', sim: openSimulator('cold-cache') }), 'step 1/18'],
  ['card and simulator', at({ kind: 'split', reader: openReader('recursive-vs-iterative'), sim: openSimulator('cold-cache'), focus: 'sim' }), 'step 1/18'],
];

describe('the shell', () => {
  it.each(SCREENS)('Ctrl-C quits with 130 from the %s screen', async (_name, state, ready) => {
    app = await renderApp({ initialState: state });
    await app.waitForFrame(ready);
    await app.press('ctrl-c');
    expect(app.exits).toEqual([130]);
  });

  it('Ctrl-C quits even while text is being typed', async () => {
    app = await renderApp();
    await app.press('/', 'd', 'ctrl-c');
    expect(app.exits).toEqual([130]);
  });

  it.each(SCREENS)('? on the %s screen shows its keys, generated from the key table; Esc closes it', async (_name, state, ready) => {
    app = await renderApp({ initialState: state, rows: 40 });
    await app.waitForFrame(ready);
    await app.press('?');
    const frame = await app.waitForFrame('Keys: ');
    expect(frame).toContain('Ctrl-C');
    expect(frame).toMatch(/show the keys of this screen/);
    await app.press('escape');
    await app.waitForFrame((text) => !text.includes('Keys: ') && text.includes(ready));
  });

  it.each<[Mode, AppState, string]>([
    ['home', INITIAL_APP, BUNDLED_CARDS_LABEL],
    ['reader', at({ kind: 'reader', reader: openReader('negative-caching') }), 'Top'],
    ['simulator', at({ kind: 'simulator', sim: openSimulator('cold-cache') }), 'step 1/18'],
  ])('the help for %s lists every binding of its table, scrolling with j/k', async (mode, state, ready) => {
    app = await renderApp({ initialState: state, rows: 16 });
    await app.waitForFrame(ready);
    await app.press('?');
    let seen = await app.waitForFrame('Keys: ');
    for (let i = 0; i < 30; i++) {
      await app.press('j');
      seen += app.frameText();
    }
    for (const binding of bindingsOf(mode, new Set())) expect(seen).toContain(binding.help);
  });

  it('every key table binds each key once, so no key means two things on one screen', () => {
    for (const [mode, bindings] of Object.entries(KEYMAP)) {
      const keys = bindings.flatMap((binding) => binding.keys as readonly string[]);
      expect(new Set(keys).size, mode).toBe(keys.length);
    }
  });

  it('the status bar names the keys that matter on each screen', async () => {
    app = await renderApp();
    let frame = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(frame.split('\n').at(-1)).toMatch(/j\/k move\s+Enter open\s+\/ search\s+s simulator\s+\? help\s+q quit/);
    await app.press('/');
    frame = await app.waitForFrame('Search:');
    expect(frame.split('\n').at(-1)).toMatch(/↑↓ move\s+Enter open\s+Esc cancel/);
  });

  it.each(SCREENS.flatMap(([name, state, ready]) => [[name, state, ready, 80, 24], [name, state, ready, 100, 30]] as const))(
    'the %s screen at %ix%i keeps ? help and the way out on its status bar',
    async (name, state, ready, columns, rows) => {
      app = await renderApp({ initialState: state, columns, rows });
      const bottom = (await app.waitForFrame(ready)).split('\n').at(-1)!;
      expect(bottom).toContain('? help');
      expect(bottom).toContain(name === 'home' ? 'q quit' : 'Esc back');
    },
  );

  it('asks for a larger terminal below 40x10, and comes back when the terminal grows', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    await app.resize(30, 8);
    await app.waitForFrame(/Make the terminal larger.\s+It is 30×8;\s+swelearn needs 40×10/);
    await app.resize(80, 24);
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    await app.resize(30, 8);
    await app.waitForFrame('Make the terminal larger');
    await app.press('q');
    expect(app.exits).toEqual([0]);
  });

  // The arguments are in the order the name prints them: screen, columns, rows.
  it.each(SCREENS.flatMap(([name, state, ready]) => [[name, 40, 10, state, ready], [name, 80, 24, state, ready], [name, 160, 45, state, ready]] as const))(
    'the %s screen at %ix%i: every frame is shorter than the terminal and no wider',
    async (_name, columns, rows, state, ready) => {
      app = await renderApp({ initialState: state, columns, rows });
      await app.waitForFrame((text) => text.includes(ready) || text.includes('Card') || text.includes('step'));
      for (const key of ['j', 'l', 'l', 'G', '?', 'escape']) {
        await app.press(key);
        const lines = app.frameText().split('\n');
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      }
    },
  );

  it('without colour the selection is still marked', async () => {
    app = await renderApp({ theme: { colour: false } });
    const frame = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(frame).toMatch(/^ › DNS Amplification/m);
  });

  it('in ASCII mode no box-drawing or other non-ASCII glyph is drawn by the app itself', async () => {
    app = await renderApp({ theme: { ascii: true }, initialState: at({ kind: 'simulator', sim: openSimulator('cold-cache') }) });
    await app.waitForFrame('step 1/18');
    await app.press('l', 'l', 'w');
    const frame = await app.waitForFrame('What if');
    expect(frame).not.toMatch(/[─│╭╮╰╯▶◀●◆›✕╌⏸]/);
    expect(frame).toMatch(/\+-+\+/);
  });
});
