import { BUNDLED_CARD_COUNT } from '../../content/load-bundled.js';
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { findCardById, findCardOrBestMatch } from '../../../src/app/cards/find-card.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { UserError } from '../../../src/app/errors.js';
import type { CardProblem } from '../../../src/core/cards/types.js';
import { readSpan, type SpanReader } from '../../../src/io/card-body-store.js';
import { FIXTURES } from '../../cli/run-cli.js';

const home = () => mkdtempSync(join(tmpdir(), 'swelearn-library-'));

function library(contentDirs: string[] = [], swelearnHome = home()) {
  const errors: CardProblem[] = [];
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: swelearnHome }, cwd: process.cwd(), contentDirs });
  return { library: openCardLibrary(environment, { onError: (problem) => errors.push(problem) }), errors, environment };
}

describe('the card library', () => {
  it('loads the folders once, whoever asks first', async () => {
    const { library: cards } = library();
    const [first, second] = await Promise.all([cards.cards(), cards.cards()]);
    expect(first).toBe(second);
    expect(first).toHaveLength(BUNDLED_CARD_COUNT);
    expect((await cards.load()).cards).toBe(first);
  });

  it('reports each card that cannot load, by file and rule, and loads the rest', async () => {
    const { library: cards, errors } = library([join(FIXTURES, 'cards', 'hostile')]);
    const loaded = await cards.cards();
    expect(loaded.length).toBeGreaterThanOrEqual(BUNDLED_CARD_COUNT);
    expect(errors.length).toBeGreaterThan(0);
    for (const problem of errors) {
      expect(problem.level).toBe('error');
      expect(problem.path).toContain(join('fixtures', 'cards', 'hostile'));
    }
  });

  it('refuses a --content folder that is not there, naming it', async () => {
    const { library: cards } = library(['/no/such/folder']);
    await expect(cards.cards()).rejects.toThrow(UserError);
    await expect(cards.cards()).rejects.toThrow('card folder /no/such/folder is not a readable folder');
  });

  it('in slices, pauses once the cards are loaded, before the index is read or built, so that work is a task of its own', async () => {
    const { library: cards } = library();
    await cards.cards();
    const events: string[] = [];
    // A clock that never runs out, so the only pauses are the ones taken whatever the time; each reading is logged.
    const index = await cards.searchIndex({ now: () => (events.push('clock'), 0), sliceMs: 1_000_000, pause: async () => void events.push('pause') });
    expect(index.cards).toHaveLength(BUNDLED_CARD_COUNT);
    // The pause comes first; the index's own work (it builds here: no seed from source) reads the clock after it.
    expect(events[0]).toBe('pause');
    expect(events.slice(1)).toContain('clock');
  });

  it('builds the search index once and keeps it in the cache, where the next run reads it', async () => {
    const swelearnHome = home();
    const first = library([], swelearnHome);
    const index = await first.library.searchIndex();
    expect(await first.library.searchIndex()).toBe(index);
    const cached = readdirSync(first.environment.paths.cache).filter((name) => name.startsWith('search-index-'));
    expect(cached).toHaveLength(1);
    const second = library([], swelearnHome);
    const [best] = await second.library.search('negative caching', { limit: 1 });
    expect(best?.card.id).toBe('negative-caching');
    expect(readdirSync(second.environment.paths.cache).filter((name) => name.startsWith('search-index-'))).toEqual(cached);
  });

  it('finds a card by id, or takes the best match and says it is one', async () => {
    const { library: cards } = library();
    expect(await findCardOrBestMatch(cards, 'Negative-Caching')).toMatchObject({ exact: true, card: { id: 'negative-caching' } });
    expect(await findCardOrBestMatch(cards, 'kaminsky attack')).toMatchObject({ exact: false, card: { id: expect.any(String) } });
    expect(await findCardOrBestMatch(cards, 'qqqqzzzz')).toEqual({ card: undefined });
  });

  it('finds a card by id reading its one body, and lists metadata reading none, once the cache is warm', async () => {
    const swelearnHome = home();
    await library([], swelearnHome).library.cards();
    const spans: number[] = [];
    const reader: SpanReader = (file, offset, length) => (spans.push(length), readSpan(file, offset, length));
    const environment = resolveEnvironment({ env: { SWELEARN_HOME: swelearnHome }, cwd: process.cwd(), contentDirs: [] });
    const warm = openCardLibrary(environment, { bodyReader: reader });
    expect(await warm.metas()).toHaveLength(BUNDLED_CARD_COUNT);
    expect(spans).toEqual([]);
    const found = await findCardOrBestMatch(warm, 'negative-caching');
    expect(found).toMatchObject({ exact: true, card: { id: 'negative-caching', sections: expect.arrayContaining([expect.objectContaining({ kind: 'overview' })]) } });
    expect(spans).toHaveLength(1);
    expect(await findCardById(warm, 'negative-cachin')).toEqual({ card: undefined, suggestion: 'negative-caching' });
    expect(spans).toHaveLength(1);
  });

  it('suggests the id a typo was close to, or the card the words match', async () => {
    const { library: cards } = library();
    expect(await findCardById(cards, 'negative-cachin')).toEqual({ card: undefined, suggestion: 'negative-caching' });
    expect(await findCardById(cards, 'glue')).toMatchObject({ card: undefined, suggestion: expect.any(String) });
  });

  it('reads the user folder last, and a missing one is simply empty', async () => {
    const swelearnHome = home();
    mkdirSync(join(swelearnHome, 'cards', 'mine'), { recursive: true });
    writeFileSync(
      join(swelearnHome, 'cards', 'mine', 'my-card.md'),
      '---\ntitle: "My card"\ntags: [mine]\ndifficulty: easy\nestimated_time: 5min\n---\n\n## Overview\nText.\n\n## When to Use\nText.\n\n## Trade-offs & Gotchas\nText.\n\n## Key Points for Interviews\n- A point about **things**.\n',
    );
    const { library: cards } = library([], swelearnHome);
    expect((await cards.cards()).at(-1)).toMatchObject({ id: 'my-card', origin: 'user', topic: 'mine' });
    expect(existsSync(join(home(), 'cards'))).toBe(false);
  });

  describe("the card files' stamp", () => {
    const userCard = (swelearnHome: string) => {
      mkdirSync(join(swelearnHome, 'cards'), { recursive: true });
      const file = join(swelearnHome, 'cards', 'my-card.md');
      writeFileSync(file, '---\ntitle: "My card"\ntags: [mine]\ndifficulty: easy\nestimated_time: 5min\n---\n\n## Overview\nText.\n');
      return file;
    };
    const cacheFiles = (environment: { paths: { cache: string | undefined } }) => (existsSync(environment.paths.cache!) ? readdirSync(environment.paths.cache!) : []);

    it('is taken from the files alone, without the card cache, and equals the stamp of the loaded index', async () => {
      const swelearnHome = home();
      userCard(swelearnHome);
      const content = [join(FIXTURES, 'cards', 'hostile')];
      const alone = library(content, swelearnHome);
      const stamp = await alone.library.filesStamp();
      // Nothing was read or written for the cards: no cache file of theirs exists yet.
      expect(cacheFiles(alone.environment).filter((file) => file.startsWith('cards-'))).toEqual([]);
      expect(alone.errors).toEqual([]);
      const loaded = library(content, swelearnHome);
      await loaded.library.metas();
      expect(await loaded.library.filesStamp()).toBe(stamp);
      expect(cacheFiles(loaded.environment).some((file) => file.startsWith('cards-'))).toBe(true);
      // And again once the cache exists, from either path.
      expect(await library(content, swelearnHome).library.filesStamp()).toBe(stamp);
    });

    it('changes when a card file changes, and after reload() is taken again', async () => {
      const swelearnHome = home();
      const file = userCard(swelearnHome);
      const { library: cards } = library([], swelearnHome);
      const before = await cards.filesStamp();
      utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(await cards.filesStamp()).toBe(before);
      cards.reload();
      const after = await cards.filesStamp();
      expect(after).not.toBe(before);
      expect(await library([], swelearnHome).library.filesStamp()).toBe(after);
    });

    it('refuses a --content folder that is not there, as loading does', async () => {
      const { library: cards } = library(['/no/such/folder']);
      await expect(cards.filesStamp()).rejects.toThrow('card folder /no/such/folder is not a readable folder');
    });
  });
});
