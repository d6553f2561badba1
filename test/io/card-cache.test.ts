import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSpan, type SpanReader } from '../../src/io/card-body-store.js';
import { loadCardIndex, loadCards } from '../../src/io/load-cards.js';

// Counts the cards parsed, so a test can say which files a load had to read again.
const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/io/load-card-parser.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/load-card-parser.js')>();
  return {
    loadCardParser: async () => {
      const parser = await real.loadCardParser();
      return { ...parser, parseCard: (...args: Parameters<typeof parser.parseCard>) => (parsed.count++, parser.parseCard(...args)) };
    },
  };
});

const cardText = (title: string, point = 'A point.') =>
  `---\ntitle: "${title}"\ntags: [t]\ndifficulty: easy\nestimated_time: 5min\n---\n\n## Overview\nText.\n\n## When to Use\nText.\n\n## Trade-offs & Gotchas\nText.\n\n## Key Points for Interviews\n- ${point}\n`;

function folder(count: number): { dir: string; cacheDir: string } {
  const base = mkdtempSync(join(tmpdir(), 'swelearn-card-cache-'));
  const dir = join(base, 'cards');
  mkdirSync(join(dir, 'topic'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'topic', `card-${i}.md`), cardText(`Card ${i}`, `Point ${i}.`));
  return { dir, cacheDir: join(base, 'cache') };
}

function countingReader(): { reader: SpanReader; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  return { spans, reader: (file, offset, length) => (spans.push([offset, length]), readSpan(file, offset, length)) };
}

const load = (dir: string, cacheDir: string, bodyReader?: SpanReader) =>
  loadCardIndex([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set(), ...(bodyReader ? { bodyReader } : {}) });

const bodyFile = (cacheDir: string) => join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.bodies'))!);

beforeEach(() => {
  parsed.count = 0;
});

describe('the card cache: an index of metadata, bodies read on demand', () => {
  it.each([
    { change: 'nothing', edit: (_dir: string) => undefined, parses: 0, ids: ['card-0', 'card-1', 'card-2'], title: 'Card 1' },
    {
      change: 'an edited card',
      edit: (dir: string) => {
        writeFileSync(join(dir, 'topic', 'card-1.md'), cardText('Card one, edited'));
        utimesSync(join(dir, 'topic', 'card-1.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
      },
      parses: 1,
      ids: ['card-0', 'card-1', 'card-2'],
      title: 'Card one, edited',
    },
    { change: 'an added card', edit: (dir: string) => writeFileSync(join(dir, 'topic', 'card-3.md'), cardText('Card 3')), parses: 1, ids: ['card-0', 'card-1', 'card-2', 'card-3'], title: 'Card 1' },
    { change: 'a removed card', edit: (dir: string) => rmSync(join(dir, 'topic', 'card-2.md')), parses: 0, ids: ['card-0', 'card-1'], title: 'Card 1' },
  ])('after $change, parses only the files that changed ($parses)', async ({ edit, parses, ids, title }) => {
    const { dir, cacheDir } = folder(3);
    await load(dir, cacheDir);
    expect(parsed.count).toBe(3);
    edit(dir);
    parsed.count = 0;
    const index = await load(dir, cacheDir);
    expect(parsed.count).toBe(parses);
    expect(index.cards.map((card) => card.id)).toEqual(ids);
    expect(index.cards.find((card) => card.id === 'card-1')?.title).toBe(title);
    expect((await index.readAll()).map((card) => card.id)).toEqual(ids);
  });

  it('reads one body, of one record, to give one card whole, and parses nothing', async () => {
    const { dir, cacheDir } = folder(5);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    parsed.count = 0;
    const { reader, spans } = countingReader();
    const index = await load(dir, cacheDir, reader);
    expect(spans).toEqual([]);
    const card = await index.readCard(index.cards[3]!);
    expect(spans).toHaveLength(1);
    expect(spans[0]![1]).toBeLessThan(readFileSync(bodyFile(cacheDir)).length / 4);
    expect(parsed.count).toBe(0);
    // Whole and in the parser's field order, so `show --json` prints the same bytes as before.
    expect(JSON.stringify(card)).toBe(JSON.stringify(fresh.cards[3]));
  });

  it('loads every card with the body file read once, not a read per card', async () => {
    const { dir, cacheDir } = folder(5);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    const { reader, spans } = countingReader();
    const all = await (await load(dir, cacheDir, reader)).readAll();
    expect(spans).toEqual([]);
    expect(JSON.stringify(all)).toBe(JSON.stringify(fresh.cards));
  });

  it('when every body will be read, reads the body file from before the folder is walked: a file removed after the load started is still read', async () => {
    const { dir, cacheDir } = folder(3);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    parsed.count = 0;
    const prefetching = loadCardIndex([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set(), prefetchBodies: true });
    // Removed as another run's compaction removes it: the read opened it first, so it reads what the index names.
    rmSync(bodyFile(cacheDir));
    expect(JSON.stringify(await (await prefetching).readAll())).toBe(JSON.stringify(fresh.cards));
    expect(parsed.count).toBe(0);
    // Without the early read, the same removal is a miss for every card: each is parsed again.
    await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    parsed.count = 0;
    const late = await load(dir, cacheDir);
    rmSync(bodyFile(cacheDir));
    expect(JSON.stringify(await late.readAll())).toBe(JSON.stringify(fresh.cards));
    expect(parsed.count).toBe(3);
  });

  it('drops the early read when the load appends to the body file, and gives the cards as written', async () => {
    // Six cards, one edited: its new record is appended (one replaced record of seven, too few to rewrite the file).
    const { dir, cacheDir } = folder(6);
    await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    const before = bodyFile(cacheDir);
    writeFileSync(join(dir, 'topic', 'card-1.md'), cardText('Card one, edited', 'An edited point.'));
    utimesSync(join(dir, 'topic', 'card-1.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    parsed.count = 0;
    const points = ['Point 0.', 'An edited point.', 'Point 2.', 'Point 3.', 'Point 4.', 'Point 5.'];
    // The load saves the cache: the edited card's record lands past the bytes the early read asked for.
    const index = await loadCardIndex([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set(), prefetchBodies: true });
    expect(bodyFile(cacheDir)).toBe(before);
    expect((await index.readAll()).map((card) => card.keyPoints[0]!.markdown)).toEqual(points);
    // Parsed once, when it was found changed: its body then came from the file as appended, not parsed again.
    expect(parsed.count).toBe(1);
    parsed.count = 0;
    const again = await (await loadCardIndex([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set(), prefetchBodies: true })).readAll();
    expect(again.map((card) => card.keyPoints[0]!.markdown)).toEqual(points);
    expect(parsed.count).toBe(0);
  });

  it('gives every card without parsing any body record, then parses one record when one card is read', async () => {
    const { dir, cacheDir } = folder(5);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    const index = await load(dir, cacheDir);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const all = await index.readAll();
      expect(all.map((card) => card.title)).toEqual(['Card 0', 'Card 1', 'Card 2', 'Card 3', 'Card 4']);
      expect(parse).not.toHaveBeenCalled();
      const { keyPoints, sections } = all[3]!;
      expect(parse).toHaveBeenCalledTimes(1);
      expect(keyPoints[0]!.markdown).toBe('Point 3.');
      expect(JSON.stringify(sections)).toBe(JSON.stringify(fresh.cards[3]!.sections));
    } finally {
      parse.mockRestore();
    }
  });

  it.each([
    { damage: 'overwritten with other bytes', write: (file: string) => writeFileSync(file, 'x'.repeat(readFileSync(file).length)) },
    { damage: 'cut short', write: (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 40)) },
    { damage: 'removed', write: (file: string) => rmSync(file) },
  ])('a body file $damage is a miss: the card file is parsed again, never a wrong card', async ({ write }) => {
    const { dir, cacheDir } = folder(3);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    write(bodyFile(cacheDir));
    parsed.count = 0;
    const index = await load(dir, cacheDir);
    expect(JSON.stringify(await index.readCard(index.cards[1]!))).toBe(JSON.stringify(fresh.cards[1]));
    expect(parsed.count).toBe(1);
    // Every card at once: each record is checked before its card is given, so the two others are misses and parsed again.
    expect(JSON.stringify(await index.readAll())).toBe(JSON.stringify(fresh.cards));
    expect(parsed.count).toBe(3);
  });

  it('a record damaged inside past its checks gives its card no body for the run and drops the body file, so the next load parses the card again', async () => {
    const { dir, cacheDir } = folder(3);
    const fresh = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    const file = bodyFile(cacheDir);
    const bytes = readFileSync(file);
    // Inside card-1's record (its key and closing brace intact), one byte that breaks the JSON.
    const inside = bytes.indexOf('Point 1.');
    bytes[inside] = 0x22;
    writeFileSync(file, bytes);
    parsed.count = 0;
    const damaged = await (await load(dir, cacheDir)).readAll();
    expect(damaged[1]!.keyPoints).toEqual([]);
    expect(existsSync(file)).toBe(false);
    expect(JSON.stringify(await (await load(dir, cacheDir)).readAll())).toBe(JSON.stringify(fresh.cards));
    expect(parsed.count).toBe(3);
  });

  it('records swapped between cards are refused by their key, not shown under the wrong card', async () => {
    const { dir, cacheDir } = folder(2);
    await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    const indexFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.json'))!);
    const stored = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, { body: [number, number] }> };
    const [first, second] = Object.values(stored.entries);
    [first!.body, second!.body] = [second!.body, first!.body];
    writeFileSync(indexFile, JSON.stringify(stored));
    parsed.count = 0;
    const cards = await (await load(dir, cacheDir)).readAll();
    expect(cards.map((card) => card.keyPoints[0]!.markdown)).toEqual(['Point 0.', 'Point 1.']);
    expect(parsed.count).toBe(2);
  });

  it('an index naming a body file outside its own is ignored whole (the cache folder is not trusted to point elsewhere)', async () => {
    const { dir, cacheDir } = folder(2);
    await load(dir, cacheDir);
    const indexFile = join(cacheDir, readdirSync(cacheDir).find((name) => name.endsWith('.json'))!);
    const stored = JSON.parse(readFileSync(indexFile, 'utf8')) as { bodies: string };
    writeFileSync(indexFile, JSON.stringify({ ...stored, bodies: '../outside.bodies' }));
    parsed.count = 0;
    const index = await load(dir, cacheDir);
    expect(parsed.count).toBe(2);
    expect((await index.readAll()).map((card) => card.title)).toEqual(['Card 0', 'Card 1']);
    expect(existsSync(join(cacheDir, '..', 'outside.bodies'))).toBe(false);
  });

  it('rewrites the body file once most of it is replaced records, keeping every live body', async () => {
    const { dir, cacheDir } = folder(3);
    await load(dir, cacheDir);
    for (let round = 1; round <= 6; round++) {
      writeFileSync(join(dir, 'topic', 'card-0.md'), cardText(`Card 0, edit ${round}`, `Edit ${round}.`));
      utimesSync(join(dir, 'topic', 'card-0.md'), new Date(2030, 0, round), new Date(2030, 0, round));
      await load(dir, cacheDir);
    }
    const bodies = readdirSync(cacheDir).filter((name) => name.endsWith('.bodies'));
    expect(bodies).toHaveLength(1);
    const live = (await (await load(dir, cacheDir)).readAll()).map((card) => card.keyPoints[0]!.markdown);
    expect(live).toEqual(['Edit 6.', 'Point 1.', 'Point 2.']);
    // The live records and at most as many bytes of dead ones: no more than twice a fresh cache's body file.
    const fresh = join(cacheDir, '..', 'fresh-cache');
    await load(dir, fresh);
    const freshBytes = readFileSync(join(fresh, readdirSync(fresh).find((name) => name.endsWith('.bodies'))!)).length;
    expect(readFileSync(join(cacheDir, bodies[0]!)).length).toBeLessThanOrEqual(2 * freshBytes);
  });

  it("removes this folder's caches of other formats when it first writes its own, and leaves other folders' alone", async () => {
    const { dir, cacheDir } = folder(2);
    await load(dir, cacheDir);
    const current = readdirSync(cacheDir).find((name) => name.endsWith('.json'))!;
    const [, format, hash] = /^cards-(\d+)-([0-9a-f]{16})\.json$/.exec(current)!;
    // An upgrade's first run: the files of an older format are there, and none of this one.
    rmSync(cacheDir, { recursive: true });
    mkdirSync(cacheDir);
    const older = [`cards-${Number(format) - 1}-${hash}.json`, `cards-${Number(format) - 1}-${hash}-ab12cd.bodies`, `cards-1-${hash}.json`];
    const others = [`cards-${Number(format) - 1}-0123456789abcdef.json`, `cards-${Number(format) - 1}-0123456789abcdef-ab12cd.bodies`, 'glossary.json'];
    for (const name of [...older, ...others]) writeFileSync(join(cacheDir, name), '{}');
    expect((await (await load(dir, cacheDir)).readAll()).map((card) => card.title)).toEqual(['Card 0', 'Card 1']);
    const left = readdirSync(cacheDir);
    expect(left.filter((name) => older.includes(name))).toEqual([]);
    expect(left.filter((name) => others.includes(name)).sort()).toEqual([...others].sort());
    expect(left).toContain(current);
    // A later run of the same format reads its own index and, saving a changed card, removes nothing more.
    writeFileSync(join(cacheDir, older[0]!), '{}');
    writeFileSync(join(dir, 'topic', 'card-1.md'), cardText('Card one, edited'));
    utimesSync(join(dir, 'topic', 'card-1.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect((await (await load(dir, cacheDir)).readAll()).map((card) => card.title)).toEqual(['Card 0', 'Card one, edited']);
    expect(readdirSync(cacheDir)).toContain(older[0]);
  });
});

// The app holds a first run's cache writes until its first frame is out (issue 17): the cards are usable meanwhile.
describe('the card cache while cache writes are held', () => {
  it('writes nothing until released, still gives every card whole, then writes the index and bodies once released', async () => {
    const { holdCacheWrites } = await import('../../src/io/cache-space.js');
    const { dir, cacheDir } = folder(3);
    const release = holdCacheWrites();
    try {
      const cards = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
      expect(cards.cards.map((card) => card.keyPoints.map((point) => point.markdown))).toEqual([['Point 0.'], ['Point 1.'], ['Point 2.']]);
      expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
    } finally {
      release();
    }
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json') || name.endsWith('.bodies'))).toHaveLength(2);
    parsed.count = 0;
    await load(dir, cacheDir);
    expect(parsed.count).toBe(0);
  });
});
