import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, FIXTURES, freshHome, ROOT, runCli, runCliListingBuiltins } from './run-cli.js';

// `search` reads the saved search instead of loading the cards; any change to the card folders is seen.
describe('search with a saved search', () => {
  const cacheFiles = (home: string, prefix: string) => readdirSync(join(home, 'cache')).filter((name) => name.startsWith(prefix));

  function setUp() {
    const content = mkdtempSync(join(tmpdir(), 'swelearn-saved-search-'));
    cpSync(join(FIXTURES, 'cards', 'good'), content, { recursive: true });
    // A broken card: its error must be reported on every search, saved or not.
    cpSync(join(FIXTURES, 'cards', 'hostile', 'broken-yaml.md'), join(content, 'broken-yaml.md'));
    const home = freshHome();
    const search = (query: string) => runCli(['search', query, '--content', content, '--json'], { env: { SWELEARN_HOME: home } });
    return { content, home, search };
  }

  it('answers as the loaded cards did, reports the same card errors, and loads no card', () => {
    const { home, search } = setUp();
    const first = search('thre-way handshak');
    expectNoCrashText(first);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/broken-yaml\.md/);
    expect(cacheFiles(home, 'saved-search-')).toHaveLength(1);
    // Without the parsed-card caches, loading any card would parse it again and write them back.
    for (const name of cacheFiles(home, 'cards-')) rmSync(join(home, 'cache', name));
    const saved = search('thre-way handshak');
    expect(saved).toEqual(first);
    expect(cacheFiles(home, 'cards-')).toEqual([]);
  });

  it('loads no node:crypto on a warm search (it takes milliseconds to load): the saved search is keyed in plain code', () => {
    const { content, home, search } = setUp();
    expect(search('thre-way handshak').code).toBe(0);
    const warm = runCliListingBuiltins(['search', 'thre-way handshak', '--content', content, '--json'], { env: { SWELEARN_HOME: home } });
    expect(warm.code).toBe(0);
    const { builtins } = warm;
    expect(builtins).toContain('NativeModule fs');
    expect(builtins.filter((name) => /crypto/.test(name))).toEqual([]);
  });

  it('loads no fs/promises on a warm search (it brings readline and the fs watchers): leftover cache temps are listed synchronously', () => {
    const { content, home, search } = setUp();
    expect(search('thre-way handshak').code).toBe(0);
    const { code, builtins } = runCliListingBuiltins(['search', 'thre-way handshak', '--content', content, '--json'], { env: { SWELEARN_HOME: home } });
    expect(code).toBe(0);
    expect(builtins).toContain('NativeModule fs');
    expect(builtins.filter((name) => /fs\/promises|readline/.test(name))).toEqual([]);
  });

  it.each([
    ['an edited card', (content: string) => {
      const file = join(content, 'networking', 'tcp-handshake.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('## When to Use', 'A quokkalike word.\n\n## When to Use'));
    }],
    ['a new card', (content: string) => {
      const text = readFileSync(join(content, 'networking', 'tcp-handshake.md'), 'utf8').replace('TCP three-way handshake', 'Quokkalike handshakes');
      writeFileSync(join(content, 'networking', 'quokka.md'), text);
    }],
  ])('sees %s on the next search', (_name, change) => {
    const { content, search } = setUp();
    expect(search('quokkalike').code).toBe(1);
    change(content);
    const after = search('quokkalike');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).results).toHaveLength(1);
  });

  it('reads the bundled cards\' index from the build\'s seed on a first search, instead of building it', () => {
    const home = freshHome();
    const first = runCli(['search', 'negative caching', '--json'], { env: { SWELEARN_HOME: home } });
    expectNoCrashText(first);
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { results: { id: string }[] }).results[0]!.id).toBe('negative-caching');
    // A built index is written to the cache folder; the seed's is read where it is.
    expect(readdirSync(join(ROOT, 'dist', 'seed')).filter((name) => /^search-index-[0-9a-f]{16}\.bin$/.test(name))).toHaveLength(1);
    expect(cacheFiles(home, 'search-index-')).toEqual([]);
    expect(cacheFiles(home, 'saved-search-')).toHaveLength(1);
  });
});
