import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_APP, type AppState } from '../../src/ui/app-state.js';
import { openReader } from '../../src/ui/screens/reader/reader-state.js';
import { renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

function readerOn(cardId: string, section?: string): AppState {
  return { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'reader', reader: openReader(cardId, section) }] };
}

const header = (frame: string) => frame.split('\n')[0]!;
const bodyTop = (frame: string) => frame.split('\n')[1]!;

describe('reader', () => {
  it('shows the card title, the section in view and the scroll position', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching'), columns: 100, rows: 24 });
    const frame = await app.waitForFrame('Negative Caching');
    expect(header(frame)).toMatch(/^Negative Caching: .*Top$/);
    expect(frame).toContain('medium · 10 min');
  });

  it.each([
    [['j'], 'j scrolls down a line'],
    [['down'], 'the down arrow scrolls a line'],
    [['space'], 'space pages down'],
    [['pagedown'], 'PgDn pages down'],
    [['f'], 'f pages down'],
    [['ctrl-d'], 'Ctrl-D scrolls half a page'],
    [['G'], 'G goes to the bottom'],
    [['end'], 'End goes to the bottom'],
  ])('%j: %s', async (keys) => {
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    const before = bodyTop(await app.waitForFrame('Top'));
    await app.press(...keys);
    const after = await app.waitForFrame((frame) => bodyTop(frame) !== before);
    expect(header(after)).toMatch(/(\d+%|Bot)$/);
  });

  it('b, PgUp, Ctrl-U, k, up, g and Home scroll back up', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    await app.waitForFrame('Top');
    for (const key of ['b', 'pageup', 'ctrl-u', 'k', 'up', 'g', 'home']) {
      await app.press('G');
      await app.waitForFrame((frame) => header(frame).endsWith('Bot'));
      await app.press(key);
      await app.waitForFrame((frame) => !header(frame).endsWith('Bot'));
    }
  });

  it('opens at the section a search matched, and jumps between sections with ], [ and the digits', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching', 'Trade-offs & Gotchas'), rows: 24 });
    let frame = await app.waitForFrame('(3/5)');
    expect(bodyTop(frame)).toContain('Trade-offs & Gotchas');
    await app.press(']');
    frame = await app.waitForFrame('(4/5)');
    expect(bodyTop(frame)).toContain('Key Points for Interviews');
    await app.press('[', '[');
    await app.waitForFrame('(2/5)');
    await app.press('1');
    frame = await app.waitForFrame('(1/5)');
    expect(bodyTop(frame)).toContain('Overview');
    await app.press('9');
    await app.waitForFrame('this card has 5 sections');
  });

  it('finds text with /, marks the current match, and n/N move between matches with wrap-around notices', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    await app.waitForFrame('Top');
    await app.press('/', ...'rfc 2308'.split(''));
    await app.waitForFrame('Find: rfc 2308');
    await app.press('enter');
    let frame = await app.waitForFrame(/"rfc 2308": match 1 of \d+/);
    const count = Number(/match 1 of (\d+)/.exec(frame)![1]);
    expect(count).toBeGreaterThan(2);
    expect(frame.split('\n').some((line) => /^› .*RFC 2308/i.test(line))).toBe(true);
    await app.press('n');
    await app.waitForFrame('match 2 of');
    await app.press('N', 'N');
    frame = await app.waitForFrame(`match ${count} of ${count}`);
    expect(frame).toContain('search hit the top, continuing at the bottom');
  });

  it('says when the text is not in the card, and Esc cancels the find box', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    await app.press('/', 'z', 'q', 'x', 'enter');
    await app.waitForFrame('not found: zqx');
    await app.press('/', 'a', 'escape');
    await app.waitForFrame((frame) => !frame.includes('Find:'));
    await app.press('n');
    await app.waitForFrame('not found: zqx');
  });

  it('r lists the related cards and Enter opens one; Esc returns to the first card', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    await app.press('r');
    let frame = await app.waitForFrame('Related cards');
    expect(frame).toContain('TTL and DNS caching');
    await app.press('j', 'enter');
    frame = await app.waitForFrame((text) => header(text).startsWith('Incident: unexpected NXDOMAIN'));
    await app.press('escape');
    frame = await app.waitForFrame((text) => header(text).startsWith('Negative Caching'));
    await app.press('r', 'escape');
    await app.waitForFrame((text) => !text.includes('Related cards'));
  });

  it('s opens the card\'s only scenario beside the card; with several it asks which', async () => {
    app = await renderApp({ initialState: readerOn('recursive-vs-iterative'), rows: 24, columns: 100 });
    await app.press('s');
    let frame = await app.waitForFrame('Cold cache: the full walk from the root');
    expect(frame).toMatch(/Card\s+›Simulator/);
    app.unmount();
    app = await renderApp({ initialState: readerOn('negative-caching'), rows: 24 });
    await app.press('s');
    frame = await app.waitForFrame('Scenarios of this card');
    expect(frame).toContain('NODATA: the name exists, the type does not');
    await app.press('j', 'enter');
    await app.waitForFrame(/NODATA: the name exists.*seed 1/);
  });

  it('a card without a scenario says so instead of opening nothing', async () => {
    app = await renderApp({ initialState: readerOn('encrypted-dns'), rows: 24 });
    await app.press('s');
    await app.waitForFrame('this card has no scenario');
  });

  it('keeps the reading place when the terminal is resized and the card re-wraps', async () => {
    app = await renderApp({ initialState: readerOn('negative-caching', 'Key Points for Interviews'), columns: 100, rows: 24 });
    await app.waitForFrame('(4/5)');
    await app.resize(60, 24);
    const frame = await app.waitForFrame((text) => text.split('\n')[0]!.length <= 60 && text.includes('(4/5)'));
    expect(bodyTop(frame)).toContain('Key Points for Interviews');
  });

  it('Esc and q go back to the home screen', async () => {
    for (const key of ['escape', 'q']) {
      app = await renderApp({ initialState: readerOn('negative-caching') });
      await app.waitForFrame('Top');
      await app.press(key);
      await app.waitForFrame(BUNDLED_CARDS_LABEL);
      expect(app.exits).toEqual([]);
      app.unmount();
    }
  });

  it('names a card that is not loaded instead of crashing', async () => {
    app = await renderApp({ initialState: readerOn('no-such-card') });
    await app.waitForFrame('There is no card "no-such-card"');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('at 80x24 a code diagram wider than the page is clipped with a marker, keeping its shape; ASCII mode marks it with >', async () => {
    for (const [ascii, marker] of [[false, '›'], [true, '>']] as const) {
      app = await renderApp({ initialState: readerOn('message-format', 'Overview'), columns: 80, rows: 24, theme: { ascii } });
      const lines = (await app.waitForFrame('QDCOUNT')).split('\n');
      const cut = lines.findIndex((line) => line.includes('QDCOUNT'));
      expect(lines[cut]!.trimEnd().endsWith(`(16 bits ea${marker}`)).toBe(true);
      expect(lines[cut + 1]).toMatch(/^ {4}\+-{15}\+\s*$/);
      app.unmount();
    }
  });
});
