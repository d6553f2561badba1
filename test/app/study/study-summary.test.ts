import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary, type CardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment, type AppEnvironment } from '../../../src/app/environment.js';
import type { ItemWork } from '../../../src/app/study/card-items.js';
import type { StudyContext } from '../../../src/app/study/study-context.js';
import { loadStudyStats, loadStudyView } from '../../../src/app/study/study-data.js';
import { loadWholeItems } from '../../../src/app/study/study-summary.js';
import type { StudyItem } from '../../../src/core/quiz/types.js';
import { bundledWorldDir } from '../../../src/io/package-paths.js';
import { serializeEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { wholeItems } from './whole-item.js';

const nowMs = Date.parse('2026-06-01T09:00:00Z');
const counted = (): Required<ItemWork> => ({ pointsLexed: 0, scenariosRun: 0, bytesParsed: 0 });

function cardText(point: string): string {
  return `---\ntitle: "My card"\ntags: [mine]\ndifficulty: easy\nestimated_time: 5min\n---\n\n## Overview\nText.\n\n## When to Use\nText.\n\n## Trade-offs & Gotchas\nText.\n\n## Key Points for Interviews\n- ${point}\n`;
}

// A study context over a home folder whose library counts how often every card is loaded whole (bodies and all).
function studyAt(home: string, change: Partial<AppEnvironment> = {}): { study: StudyContext; wholeLoads: () => number } {
  const environment = { ...resolveEnvironment({ env: { SWELEARN_HOME: home }, cwd: process.cwd() }), ...change };
  const library = openCardLibrary(environment);
  let loads = 0;
  const counting: CardLibrary = { ...library, cards: () => (loads++, library.cards()), load: () => (loads++, library.load()) };
  return { study: { environment, cards: counting, warn: () => undefined }, wholeLoads: () => loads };
}

function homeWithCard(): string {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-summary-'));
  mkdirSync(join(home, 'cards', 'mine'), { recursive: true });
  writeFileSync(join(home, 'cards', 'mine', 'my-card.md'), cardText('A point about **things**.'));
  return home;
}

// What stats and plan read of each item, whether it came whole from the cards or from the summary.
const summarised = (items: readonly StudyItem[]): StudyItem[] => items.map(({ id, kind, cardId, topic, tags, source, text }) => ({ id, kind, cardId, topic, tags, source, text }));

// The items made from the cards with no cache at all: what a summary must always equal.
async function madeFresh(home: string): Promise<StudyItem[]> {
  return summarised((await loadStudyView(studyAt(home).study, { buildId: undefined })).items);
}

describe('the study summary: stats and plan read the items without the cards', () => {
  it('a warm stats loads no card whole, lexes nothing and parses under a third of the items it parsed without the summary, and says the same', async () => {
    const home = homeWithCard();
    const before = await loadStudyStats(studyAt(home).study, nowMs, { buildId: 'b1' });
    const warm = studyAt(home);
    const work = counted();
    expect(await loadStudyStats(warm.study, nowMs, { buildId: 'b1', work })).toEqual(before);
    expect(warm.wholeLoads()).toBe(0);
    expect(work.pointsLexed + work.scenariosRun).toBe(0);
    // Without the summary the same run parses the cached items whole.
    rmSync(join(warm.study.environment.paths.cache, 'study-summary.json'));
    const whole = counted();
    expect(await loadStudyStats(studyAt(home).study, nowMs, { buildId: 'b1', work: whole })).toEqual(before);
    expect(whole.pointsLexed + whole.scenariosRun).toBe(0);
    expect(work.bytesParsed).toBeGreaterThan(0);
    expect(work.bytesParsed * 3).toBeLessThan(whole.bytesParsed);
  });

  it('a warm stats of a log that names no item parses no item text, and reading one text parses only its own card', async () => {
    const home = homeWithCard();
    const fresh = await madeFresh(home);
    await loadStudyView(studyAt(home).study, { buildId: 'b1' });
    const stored = statSync(join(studyAt(home).study.environment.paths.cache, 'study-summary.json')).size;
    const work = counted();
    await loadStudyStats(studyAt(home).study, nowMs, { buildId: 'b1', work });
    // The texts, sections and lines are about two thirds of the summary: none of them is parsed.
    expect(work.bytesParsed * 2).toBeLessThan(stored);
    const read = counted();
    const { items } = await loadStudyView(studyAt(home).study, { buildId: 'b1', work: read });
    const heads = read.bytesParsed;
    const mine = items.find((item) => item.cardId === 'my-card')!;
    expect({ text: mine.text, source: mine.source }).toEqual({ text: fresh.find((item) => item.id === mine.id)!.text, source: fresh.find((item) => item.id === mine.id)!.source });
    const oneCard = read.bytesParsed - heads;
    expect(oneCard).toBeGreaterThan(0);
    expect(oneCard * 20).toBeLessThan(stored - heads);
    // Read again, nothing more is parsed.
    void items.filter((item) => item.cardId === 'my-card').map((item) => item.text);
    expect(read.bytesParsed - heads).toBe(oneCard);
  });

  it.each<[string, (home: string) => void]>([
    ['a card is edited', (home) => writeFileSync(join(home, 'cards', 'mine', 'my-card.md'), cardText('A revised point about **things**.'))],
    ['a card is added', (home) => writeFileSync(join(home, 'cards', 'mine', 'other-card.md'), cardText('Another point about **stuff**.'))],
    ['a card is removed', (home) => rmSync(join(home, 'cards', 'mine', 'my-card.md'))],
    ['a card is touched', (home) => utimesSync(join(home, 'cards', 'mine', 'my-card.md'), new Date(nowMs), new Date(nowMs))],
  ])('makes the items from the cards again when %s, and they equal items made with no cache', async (_name, change) => {
    const home = homeWithCard();
    await loadStudyView(studyAt(home).study, { buildId: 'b1' });
    change(home);
    const after = studyAt(home);
    const items = summarised((await loadStudyView(after.study, { buildId: 'b1' })).items);
    expect(after.wholeLoads()).toBeGreaterThan(0);
    expect(items).toEqual(await madeFresh(home));
    // And the next run reads the new summary again.
    const next = studyAt(home);
    expect(summarised((await loadStudyView(next.study, { buildId: 'b1' })).items)).toEqual(items);
    expect(next.wholeLoads()).toBe(0);
  });

  it('makes the items again when a world file changes, and for another build', async () => {
    const home = homeWithCard();
    const world = mkdtempSync(join(tmpdir(), 'swelearn-world-'));
    cpSync(bundledWorldDir(), world, { recursive: true });
    const inWorld = { bundledWorldDir: () => world };
    await loadStudyView(studyAt(home, inWorld).study, { buildId: 'b1' });
    appendFileSync(join(world, readdirSync(world).find((name) => name.endsWith('.zone'))!), '; an edit\n');
    const edited = studyAt(home, inWorld);
    const work = counted();
    await loadStudyView(edited.study, { buildId: 'b1', work });
    expect(edited.wholeLoads()).toBeGreaterThan(0);
    expect(work.scenariosRun).toBeGreaterThan(30);
    const rebuilt = studyAt(home, inWorld);
    await loadStudyView(rebuilt.study, { buildId: 'b2' });
    expect(rebuilt.wholeLoads()).toBeGreaterThan(0);
  });

  it('a warm quiz reads every item whole without loading a card whole; an edited card makes them from the cards again', async () => {
    const home = homeWithCard();
    const cold = await loadWholeItems(studyAt(home).study, { buildId: 'b1' });
    const warm = studyAt(home);
    const work = counted();
    const warmItems = await loadWholeItems(warm.study, { buildId: 'b1', work });
    expect(warm.wholeLoads()).toBe(0);
    expect(work.pointsLexed + work.scenariosRun).toBe(0);
    // Each item's text, front and back are parsed when first read: picking items parses about a third of their bytes.
    const picked = work.bytesParsed;
    expect({ ...warmItems, items: wholeItems(warmItems.items) }).toEqual({ ...cold, items: wholeItems(cold.items) });
    expect(picked * 2).toBeLessThan(work.bytesParsed);
    // The item caches' keys come back with the items (the choice options are keyed by them), the same warm as cold.
    expect(cold.keys).toEqual({ card: expect.any(String), predict: expect.any(String) });
    writeFileSync(join(home, 'cards', 'mine', 'my-card.md'), cardText('A revised point about **things**.'));
    const edited = studyAt(home);
    const after = await loadWholeItems(edited.study, { buildId: 'b1' });
    expect(edited.wholeLoads()).toBeGreaterThan(0);
    expect(wholeItems(after.items)).toEqual(wholeItems((await loadWholeItems(studyAt(home).study, { buildId: undefined })).items));
    expect(wholeItems(after.items)).not.toEqual(wholeItems(cold.items));
    expect(after.keys?.card).not.toBe(cold.keys?.card);
  });


  describe("the card files named beside held items and leeches", () => {
    // A home whose one card's key point is suspended: the statistics name it with its card's file.
    async function homeWithHeldItem(): Promise<{ home: string; cardPath: string }> {
      const home = homeWithCard();
      const { study } = studyAt(home);
      const item = (await loadStudyView(study, { buildId: 'b1' })).items.find((candidate) => candidate.cardId === 'my-card')!;
      mkdirSync(study.environment.paths.progress, { recursive: true });
      writeFileSync(join(study.environment.paths.progress, 'reviews.jsonl'), `${serializeEntry({ v: 3, type: 'suspend', id: 's1', at: '2026-05-30T09:00:00.000Z', session: 't', item: item.id, card: item.cardId, text: item.text })}\n`);
      return { home, cardPath: join(home, 'cards', 'mine', 'my-card.md') };
    }
    // A study context that counts the reads of the cards' metadata (the card cache and every card file's stat).
    function countingMetas(home: string) {
      const counted = studyAt(home);
      let reads = 0;
      const cards: CardLibrary = { ...counted.study.cards, metas: () => (reads++, counted.study.cards.metas()) };
      return { study: { ...counted.study, cards }, metaReads: () => reads };
    }

    it('are kept under the summary key once read from the cards, so the next statistics read no card metadata', async () => {
      const { home, cardPath } = await homeWithHeldItem();
      const first = countingMetas(home);
      const before = await loadStudyStats(first.study, nowMs, { buildId: 'b1' });
      expect(before.held.map((held) => held.path)).toEqual([cardPath]);
      expect(first.metaReads()).toBe(1);
      const next = countingMetas(home);
      expect(await loadStudyStats(next.study, nowMs, { buildId: 'b1' })).toEqual(before);
      expect(next.metaReads()).toBe(0);
    });

    it('are read from the cards again when a card file changes, and never taken from a key of other files', async () => {
      const { home, cardPath } = await homeWithHeldItem();
      await loadStudyStats(countingMetas(home).study, nowMs, { buildId: 'b1' });
      // The card moves to another folder: the kept paths belong to the old files' key.
      mkdirSync(join(home, 'cards', 'moved'));
      cpSync(cardPath, join(home, 'cards', 'moved', 'my-card.md'));
      rmSync(cardPath);
      const moved = countingMetas(home);
      expect((await loadStudyStats(moved.study, nowMs, { buildId: 'b1' })).held.map((held) => held.path)).toEqual([join(home, 'cards', 'moved', 'my-card.md')]);
      expect(moved.metaReads()).toBeGreaterThan(0);
    });

    it('are not read at all when nothing is held back and no item is a leech', async () => {
      const home = homeWithCard();
      const none = countingMetas(home);
      const stats = await loadStudyStats(none.study, nowMs, { buildId: 'b1' });
      expect(stats.held).toEqual([]);
      expect(none.metaReads()).toBe(0);
    });
  });
});
