import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex } from '../src/core/search/search-index.js';
import { loadSearchIndex } from '../src/io/search-index-cache.js';
import { searchCards } from '../src/core/search/search.js';
import { loadCards } from '../src/io/load-cards.js';
import { generateCards } from './generate-cards.js';

const QUERIES = ['dns', 'negative caching', 'kubernets ndots', 'resolv.conf', 'anycast bgp', 'cache poisoning kaminsky', 'ttl', 'serve-stale', 'registrar epp', 'zipf hit rate', 'delegation glue', 'amplificaton', 'the resolver', 'svcb https', 'timeout failover'];

// A fresh process's first query: this bench's own script, run again with this variable set, loads the
// cards and the saved index, times one query with nothing warmed, prints it and leaves.
const FIRST_QUERY = 'SWELEARN_BENCH_FIRST_QUERY';
if (process.env[FIRST_QUERY]) {
  const { dir, cacheDir } = JSON.parse(process.env[FIRST_QUERY]) as { dir: string; cacheDir: string };
  const { cards } = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
  const index = loadSearchIndex(cards, cacheDir);
  const started = performance.now();
  const results = searchCards(index, QUERIES[0]!);
  const ms = performance.now() - started;
  if (results.length === 0) throw new Error('the first query found nothing');
  console.log(JSON.stringify({ ms }));
  process.exit(0);
}

// The median over five fresh processes of the first query each pays (the cards' and the index's caches are warm).
function firstQueryInFreshProcess(dir: string, cacheDir: string): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const child = spawnSync(process.execPath, [process.argv[1]!], { encoding: 'utf8', env: { ...process.env, [FIRST_QUERY]: JSON.stringify({ dir, cacheDir }) } });
    if (child.status !== 0) throw new Error(`first-query run failed: ${child.stderr}`);
    times.push((JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number }).ms);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Times loading (cold and warm cache) and querying a generated card set, warmed and as a fresh process's first query; prints one JSON line per figure. */
export async function benchSearch(count: number, queryLimitMs: number, loadLimitMs: number | undefined, workDir: string): Promise<void> {
  const dir = generateCards(join(workDir, `cards-${count}`), count);
  const cacheDir = join(workDir, `cache-${count}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const load = async () => {
    const started = performance.now();
    const loaded = await loadCards([{ dir, origin: 'content' }], { cacheDir, scenarioIds: new Set() });
    return { loaded, ms: performance.now() - started };
  };
  const cold = await load();
  // A warm load is timed five times and the median kept: one sample right after the cold load
  // sometimes caught that load's garbage being collected (600 ms once, against 400-430 ms otherwise).
  // Only the last run's cards are kept: holding all five would make the runs after it pay for the memory.
  const warmTimes: number[] = [];
  let last = await load();
  warmTimes.push(last.ms);
  for (let run = 1; run < 5; run++) {
    last = await load();
    warmTimes.push(last.ms);
  }
  const warm = { loaded: last.loaded, ms: median(warmTimes) };
  if (warm.loaded.cards.length !== count) throw new Error(`expected ${count} cards, loaded ${warm.loaded.cards.length}`);
  const indexStarted = performance.now();
  const index = buildSearchIndex(warm.loaded.cards);
  const indexMs = performance.now() - indexStarted;
  // Warm the JIT first: the figure is the steady state "once loaded", not the first call.
  for (let round = 0; round < 3; round++) for (const query of QUERIES) searchCards(index, query);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      const started = performance.now();
      searchCards(index, query);
      times.push(performance.now() - started);
    }
  }
  const p95 = percentile(times, 0.95);
  const line = (figure: string, value: number, limit?: number) =>
    console.log(JSON.stringify({ figure, cards: count, ms: Math.round(value * 10) / 10, ...(limit === undefined ? {} : { limitMs: limit, ok: value <= limit }) }));
  line('search-query-p95', p95, queryLimitMs);
  line('search-query-median', median(times));
  line('cards-load-cold', cold.ms);
  line('cards-load-warm', warm.ms);
  line('search-index-build', indexMs);
  loadSearchIndex(warm.loaded.cards, cacheDir);
  const cachedTimes: number[] = [];
  let cached = loadSearchIndex(warm.loaded.cards, cacheDir);
  for (let run = 0; run < 5; run++) {
    const cachedStarted = performance.now();
    cached = loadSearchIndex(warm.loaded.cards, cacheDir);
    cachedTimes.push(performance.now() - cachedStarted);
  }
  const cachedMs = median(cachedTimes);
  if (searchCards(cached, 'dns').length === 0) throw new Error('the cached index lost its terms');
  line('search-index-load-cached', cachedMs);
  // The figures above are warmed up; a command runs one query in a new process, and pays this.
  line('search-query-first-fresh-process', firstQueryInFreshProcess(dir, cacheDir));
  line('cards-and-index-load-warm', warm.ms + cachedMs, loadLimitMs);
}
