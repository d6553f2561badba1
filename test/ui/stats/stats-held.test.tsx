import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { openStudyPort } from '../../../src/app/study/study-port.js';
import { cardItems } from '../../../src/core/quiz/items/generate-items.js';
import { ITEM_ACTION_VERSION, type ItemActionEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { readReviewLog } from '../../../src/io/progress/read-review-log.js';
import { appAt } from '../../../src/ui/app-state.js';
import { INITIAL_STATS } from '../../../src/ui/screens/stats/stats-state.js';
import { loadBundledCards } from '../../content/load-bundled.js';
import { renderApp, type Harness } from '../app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

const NOW = '2026-06-01T09:00:00Z';

/** The stats screen over a fresh data folder whose log suspends the first two points of negative-caching and buries the third. */
async function heldApp() {
  const card = (await loadBundledCards()).cards.find((candidate) => candidate.id === 'negative-caching')!;
  const [first, second, third] = cardItems(card);
  const home = mkdtempSync(join(tmpdir(), 'swelearn-held-'));
  const entry = (type: ItemActionEntry['type'], item: typeof first, minutes: number): ItemActionEntry => ({
    v: ITEM_ACTION_VERSION, type, id: `s-${minutes}`, at: new Date(Date.parse(NOW) - minutes * 60_000).toISOString(), session: 's', item: item!.id, card: card.id, text: item!.text,
  });
  mkdirSync(join(home, 'progress'), { recursive: true });
  const logPath = join(home, 'progress', 'reviews.jsonl');
  writeFileSync(logPath, [entry('suspend', first, 30), entry('suspend', second, 20), entry('bury', third, 10)].map((line) => JSON.stringify(line)).join('\n') + '\n');
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home, SWELEARN_NOW: NOW }, cwd: process.cwd() });
  const study = openStudyPort({ environment, cards: openCardLibrary(environment), warn: () => undefined });
  app = await renderApp({ study, columns: 110, rows: 40, initialState: appAt({ kind: 'stats', stats: INITIAL_STATS }) });
  return { app, items: [first!, second!, third!], logPath, card };
}

describe('the stats screen: retention and held items', { timeout: 60_000 }, () => {
  it('shows recall and recognition side by side, and each held item with why and its card file and line', async () => {
    const { app, items, card } = await heldApp();
    const frame = await app.waitForFrame('Held back (3)', 30_000);
    expect(frame).toMatch(/recall\s+recognition/);
    expect(frame).toMatch(/predicted now\s+-\s+-/);
    const held = frame.split('\n').filter((line) => /suspended|buried today/.test(line));
    expect(held).toHaveLength(3);
    // Most recently held first; the first row is highlighted.
    expect(held[0]).toContain('buried today');
    expect(held[0]).toContain(`negative-caching.md:${items[2]!.source.line}`);
    expect(held[2]).toContain(`negative-caching.md:${items[0]!.source.line}`);
    expect(card.path.endsWith('negative-caching.md')).toBe(true);
  });

  it('brings the highlighted item back with u: one unsuspend entry, and it leaves the list', async () => {
    const { app, items, logPath } = await heldApp();
    await app.waitForFrame('Held back (3)', 30_000);
    await app.press('n');
    await app.press('u');
    const frame = await app.waitForFrame('Held back (2)', 30_000);
    expect(frame).toContain(`brought back: ${items[1]!.text.slice(0, 30)}`);
    const held = frame.split('\n').filter((line) => /suspended|buried today/.test(line)).map((line) => line.trimEnd());
    expect(held).toHaveLength(2);
    expect(held.some((line) => line.endsWith(`negative-caching.md:${items[1]!.source.line}`))).toBe(false);
    expect(held.some((line) => line.endsWith(`negative-caching.md:${items[0]!.source.line}`))).toBe(true);
    const written = readReviewLog(logPath).entries.at(-1);
    expect(written).toEqual(expect.objectContaining({ type: 'unsuspend', item: items[1]!.id }));
  });
});
