import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cardWithBodyOnDemand, splitCard } from '../../src/core/cards/card-parts.js';
import { bundledContent, renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const selectedLine = (frame: string) => frame.split('\n').find((line) => line.trimStart().startsWith('›')) ?? '';

describe('home screen', () => {
  it('lists the cards grouped by topic with difficulty and time, the first one selected', async () => {
    app = await renderApp({ columns: 90, rows: 24 });
    const frame = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(frame).toContain(`dns  ${BUNDLED_CARDS_LABEL}`);
    expect(selectedLine(frame)).toMatch(/› DNS Amplification.*medium\s+10 min/);
  });

  it('paints its first frames, the list and the summary, reading no card body but the one it previews (the app reads them after)', async () => {
    const reads: string[] = [];
    const cards = (await bundledContent()).cards.map((card) => {
      const { meta, body } = splitCard(card);
      return cardWithBodyOnDemand(meta, () => (reads.push(card.id), body));
    });
    // The harness paints at 100 columns, where the selected card is previewed beside the list, then at 80.
    app = await renderApp({ columns: 80, rows: 24, cards });
    expect(app.frameText()).toContain(BUNDLED_CARDS_LABEL);
    expect(selectedLine(app.frameText())).toMatch(/› DNS Amplification.*medium\s+10 min/);
    expect(reads).toEqual(['amplification-attacks']);
  });

  it.each([
    ['j', 'down moves the selection to the next card', /Anycast and BGP/],
    ['down', 'the down arrow does the same', /Anycast and BGP/],
    ['G', 'G goes to the last card', /Wildcards/],
    ['end', 'End goes to the last card', /Wildcards/],
    ['pagedown', 'PgDn moves a page', /Incident: SERVFAIL|Incident: stale|Kubernetes|DNS message|Incident/],
    ['ctrl-d', 'Ctrl-D moves a page', /Incident|Kubernetes|DNS message/],
  ])('%s: %s', async (key, _what, expected) => {
    app = await renderApp({ columns: 90, rows: 24 });
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    await app.press(key);
    const frame = await app.waitForFrame((text) => expected.test(selectedLine(text)));
    expect(selectedLine(frame)).toMatch(expected);
  });

  it('k, up, g and Home come back up', async () => {
    app = await renderApp({ columns: 90, rows: 24 });
    await app.press('G');
    await app.waitForFrame((text) => /Wildcards/.test(selectedLine(text)));
    for (const [key, expected] of [['k', /When to use DNS/], ['up', /TTL and DNS caching/], ['g', /DNS Amplification/], ['G', /Wildcards/], ['home', /DNS Amplification/], ['pagedown', /./], ['pageup', /DNS Amplification/], ['ctrl-d', /./], ['ctrl-u', /DNS Amplification/]] as const) {
      await app.press(key);
      await app.waitForFrame((text) => expected.test(selectedLine(text)));
    }
  });

  it('windows the list so the selected card stays in view and the frame stays shorter than the terminal', async () => {
    app = await renderApp({ columns: 80, rows: 12 });
    await app.press('G');
    const frame = await app.waitForFrame((text) => /Wildcards/.test(selectedLine(text)));
    expect(frame.split('\n').length).toBeLessThanOrEqual(11);
    expect(frame).not.toContain('DNS Amplification');
  });

  it('searches live as you type: results ranked, the matching section named, Enter opens the card at that section', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.press('/');
    await app.waitForFrame('Search:');
    await app.press(...'negative cach'.split(''));
    const frame = await app.waitForFrame(/Search: negative cach.*results/);
    const lines = frame.split('\n');
    const first = lines.findIndex((line) => line.trimStart().startsWith('›'));
    expect(lines[first]).toContain('Negative Caching');
    expect(lines[first + 1]).toMatch(/^\s+Key Points for Interviews: /);
    await app.press('enter');
    const reader = await app.waitForFrame('Negative Caching: NXDOMAIN');
    expect(reader.split('\n')[0]).toMatch(/Key Points for Interviews \(4\/5\)/);
    expect(reader.split('\n')[1]).toContain('Key Points for Interviews');
  });

  it('handles a search typed in one read ("/ttl" arriving together), as tmux and fast typists send it', async () => {
    app = await renderApp();
    await app.typeFast('/ttl');
    const frame = await app.waitForFrame(/Search: ttl/);
    expect(selectedLine(frame)).toMatch(/TTL/);
  });

  it('moves through results with the arrows and Ctrl-N/Ctrl-P while typing, and j stays text', async () => {
    app = await renderApp();
    await app.press('/', 'd', 'n', 's');
    const first = selectedLine(await app.waitForFrame(/Search: dns.*results/));
    await app.press('down');
    const second = selectedLine(await app.waitForFrame((text) => selectedLine(text) !== first));
    await app.press('ctrl-p');
    await app.waitForFrame((text) => selectedLine(text) === first);
    await app.press('ctrl-n');
    await app.waitForFrame((text) => selectedLine(text) === second);
    await app.press('j');
    await app.waitForFrame('Search: dnsj');
  });

  it('edits the query: Backspace, Ctrl-W and Ctrl-U', async () => {
    app = await renderApp();
    await app.press('/', ...'glue records'.split(''));
    await app.waitForFrame('Search: glue records');
    await app.press('backspace');
    await app.waitForFrame('Search: glue record█');
    await app.press('ctrl-w');
    await app.waitForFrame('Search: glue █');
    await app.press('ctrl-u');
    await app.waitForFrame((text) => text.includes('Search: █') && text.includes(BUNDLED_CARDS_LABEL));
  });

  it('Esc clears the search and returns to the list; Tab keeps the results for the list keys', async () => {
    app = await renderApp();
    await app.press('/', 'g', 'l', 'u', 'e');
    await app.waitForFrame(/results/);
    await app.press('tab');
    await app.waitForFrame((text) => text.startsWith('/ glue'));
    await app.press('j');
    const moved = await app.waitForFrame((text) => text.split('\n').filter((line) => line.trimStart().startsWith('›')).length === 1);
    expect(moved).toContain('/ glue');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('says so when nothing matches', async () => {
    app = await renderApp();
    await app.press('/', ...'zzqqxx'.split(''));
    await app.waitForFrame('No card matches "zzqqxx"');
  });

  it('Enter opens the selected card at its top, and Esc comes back to the same place', async () => {
    app = await renderApp();
    await app.press('j', 'enter');
    const reader = await app.waitForFrame(/Anycast and BGP.*Top/);
    expect(reader).toContain('Reader');
    await app.press('escape');
    const home = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(selectedLine(home)).toContain('Anycast and BGP');
  });

  it('q quits with exit code 0', async () => {
    app = await renderApp();
    await app.press('q');
    expect(app.exits).toEqual([0]);
  });

  it('s opens the simulator', async () => {
    app = await renderApp();
    await app.press('s');
    await app.waitForFrame('pick a scenario');
  });

  it('shows the study state beside each card when the progress store gives one', async () => {
    app = await renderApp({ columns: 90, studyState: (id) => (id === 'anycast-and-bgp' ? { label: 'due', tone: 'warn' } : { label: 'new', tone: 'muted' }) });
    const frame = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(frame.split('\n').find((line) => line.includes('Anycast'))).toMatch(/due\s*$/);
    expect(frame.split('\n').find((line) => line.includes('Client-side DNS'))).toMatch(/new\s*$/);
  });

  it('previews the selected card on a wide terminal, and the matched section while searching', async () => {
    app = await renderApp({ columns: 140, rows: 30 });
    const frame = await app.waitForFrame('key points');
    expect(frame).toMatch(/medium · 10 min · \d+ key points/);
    await app.press('/', ...'rfc 2308'.split(''));
    await app.timer.advance(60);
    await app.waitForFrame(/› (Key Points|Overview|Practice|Trade)/);
  });

  it('the preview clips a code diagram at its width, one row a line, instead of wrapping it apart', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    const lines = (await app.waitForFrame('botnet --(src')).split('\n');
    const top = lines.findIndex((line) => line.includes('botnet --(src'));
    expect(lines[top]).toMatch(/ {2}botnet --\(src = victim, 40 B: "ANY big\.e›$/);
    expect(lines[top + 1]).toMatch(/ {40}›$/);
    expect(lines[top + 2]).toMatch(/ {2}victim <-+ 3,000 B answer, ma›$/);
    expect(lines.join('\n')).not.toContain('xample")-->');
  });

  it('moves the preview only once typing pauses for 60 ms, never between two keys', async () => {
    app = await renderApp({ columns: 140, rows: 30 });
    // The preview starts at 55% of the width; its first line is the card's title.
    const previewTitle = (frame: string) => frame.split('\n')[2]?.slice(77).trim() ?? '';
    expect(previewTitle(await app.waitForFrame('key points'))).toMatch(/^DNS Amplification/);
    await app.press('/');
    for (const key of 'negative caching'.split('')) {
      await app.press(key);
      await app.timer.advance(40);
      expect(previewTitle(app.frameText())).toMatch(/^DNS Amplification/);
    }
    await app.waitForFrame(/› Negative Caching/);
    await app.timer.advance(20);
    const frame = await app.waitForFrame((text) => /^Negative Caching/.test(previewTitle(text)));
    expect(frame).toMatch(/› (Overview|Key Points|Trade-offs|When to Use)/);
  });
});
