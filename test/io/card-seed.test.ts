import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_SEED_FILE, CardSeed, cardSeedOf } from '../../src/io/card-cache.js';
import { loadCards } from '../../src/io/load-cards.js';
import { FIXTURES } from '../cli/run-cli.js';

// A build parses the bundled cards once and ships them; a first run must use them only for the very bytes parsed.
async function seeded() {
  const built = mkdtempSync(join(tmpdir(), 'swelearn-seed-build-'));
  cpSync(join(FIXTURES, 'cards', 'good'), join(built, 'content'), { recursive: true });
  const cache = join(built, 'cache');
  const loaded = await loadCards([{ dir: join(built, 'content'), origin: 'bundled' }], { cacheDir: cache, scenarioIds: new Set() });
  const seedDir = join(built, 'seed');
  cpSync(cache, seedDir, { recursive: true });
  writeFileSync(join(seedDir, CARD_SEED_FILE), JSON.stringify(cardSeedOf(cache, join(built, 'content'))));
  // The package installed elsewhere: the same files under another root.
  const installed = mkdtempSync(join(tmpdir(), 'swelearn-seed-installed-'));
  cpSync(join(built, 'content'), installed, { recursive: true });
  const path = join(installed, 'networking', 'tcp-handshake.md');
  const seedText = readFileSync(join(seedDir, CARD_SEED_FILE), 'utf8');
  return { seed: CardSeed.open(installed, seedDir)!, path, parsed: loaded.cards.find((card) => card.id === 'tcp-handshake')!, seedText };
}

describe('the bundled cards as the build parsed them', () => {
  it('give the parse of a file with the same bytes, placed at its path under the installed folder', async () => {
    const { seed, path, parsed } = await seeded();
    expect(seed.get(path, statSync(path).size)).toEqual({ card: { ...parsed, path }, problems: [] });
  });

  it('do not store the card\'s Markdown a second time: its long strings are places in the file, read back from it', async () => {
    const { seed, path, parsed, seedText } = await seeded();
    const section = parsed.sections.find((candidate) => candidate.markdown.length >= 64)!;
    expect(seedText).not.toContain(JSON.stringify(section.markdown).slice(1, -1));
    expect(seedText).toContain('"$slice"');
    expect(seed.get(path, statSync(path).size)?.card?.sections).toEqual(parsed.sections);
  });

  it.each<[string, (text: string) => string]>([
    ['the same size', (text) => text.replace('TCP', 'UDP')],
    ['another size', (text) => `${text}\nMore.\n`],
  ])('give nothing for a file whose bytes changed, at %s', async (_name, change) => {
    const { seed, path } = await seeded();
    writeFileSync(path, change(readFileSync(path, 'utf8')));
    expect(seed.get(path, statSync(path).size)).toBeUndefined();
  });

  it('give nothing for a file the build did not parse, or without a seed', async () => {
    const { seed, path } = await seeded();
    const other = join(path, '..', 'copy.md');
    cpSync(path, other);
    expect(seed.get(other, statSync(other).size)).toBeUndefined();
    expect(CardSeed.open(join(path, '..'), undefined)).toBeUndefined();
    expect(CardSeed.open(join(path, '..'), mkdtempSync(join(tmpdir(), 'swelearn-no-seed-')))).toBeUndefined();
  });
});
