import { SNAPSHOT_FORMAT } from '../../../src/io/progress/review-snapshot.js';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { replayProgress } from '../../../src/app/study/progress-replay.js';
import { deriveProgress } from '../../../src/core/quiz/progress/derive-progress.js';
import { serializeEntry, type LogEntry } from '../../../src/core/quiz/progress/log-entry.js';
import type { ItemText } from '../../../src/core/quiz/progress/match-edits.js';
import { readReviewLog } from '../../../src/io/progress/read-review-log.js';
import { holdCacheWrites } from '../../../src/io/cache-space.js';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const ITEMS: ItemText[] = Array.from({ length: 40 }, (_, n) => ({ id: `card-${n % 7}/kp-${String(n).padStart(8, '0')}`, cardId: `card-${n % 7}`, text: `point number ${n} of the generated cards` }));

// A seeded log with every kind of entry: graded answers, crammed ones, timeouts, undos and claims.
function generatedLog(count: number, seed = 1): LogEntry[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const entries: LogEntry[] = [];
  for (let n = 0; n < count; n++) {
    const item = ITEMS[Math.floor(next() * ITEMS.length)]!;
    // Choice answers move the recognition track, the rest the recall track.
    const mode = n % 3 === 0 ? ('choice' as const) : ('cloze' as const);
    const base = { v: 2, id: `gen-${seed}-${n}`, at: new Date(T0 + n * 7 * 60_000).toISOString(), session: `gen-${seed}`, item: item.id, card: item.cardId, mode, ms: 1000 + Math.floor(next() * 9000), text: item.text };
    const roll = next();
    if (roll < 0.05) entries.push({ ...base, type: 'timed-out' });
    else if (roll > 0.9 && roll <= 0.93) entries.push({ v: 3, type: (['suspend', 'bury', 'unsuspend'] as const)[n % 3]!, id: base.id, at: base.at, session: base.session, item: item.id, card: item.cardId, text: item.text });
    else if (roll < 0.1 && n > 0) entries.push({ v: 2, type: 'undo', id: base.id, at: base.at, session: base.session, undoes: entries[entries.length - 1]!.id });
    else entries.push({ ...base, type: 'review', grade: (1 + Math.floor(next() * 4)) as 1 | 2 | 3 | 4, correct: next() > 0.3, given: `typed ${n % 5}`, ...(roll < 0.15 ? { cram: true } : {}), ...(roll > 0.95 ? { overrides: `gen-${seed}-${n - 1}` } : {}) });
  }
  return entries;
}

// The snapshot checks the last 64 KiB before its offset, so an edit there is what it must notice.
const lastReplaced = (text: string, from: string, to: string) => {
  const at = text.lastIndexOf(from);
  return text.slice(0, at) + to + text.slice(at + from.length);
};

const lines = (entries: readonly LogEntry[]) => entries.map((entry) => `${serializeEntry(entry)}\n`).join('');

function studyWith(log: string) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-replay-'));
  mkdirSync(join(home, 'progress'));
  const logPath = join(home, 'progress', 'reviews.jsonl');
  writeFileSync(logPath, log);
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home }, cwd: process.cwd() });
  const warnings: string[] = [];
  const study = { environment, cards: openCardLibrary(environment), warn: (message: string) => warnings.push(message) };
  const open = () => {
    warnings.length = 0;
    return replayProgress(study, ITEMS);
  };
  const snapshotFile = () => join(home, 'cache', readdirSync(join(home, 'cache')).find((name) => name.startsWith('review-snapshot-'))!);
  return { home, logPath, warnings, open, snapshotFile };
}

// What a replay of the whole log without any snapshot gives: the reference every open is held to.
const fromScratch = (logPath: string) => {
  const { items, summary } = deriveProgress(readReviewLog(logPath).entries, ITEMS);
  return { items, summary };
};

describe('log replay with a snapshot', () => {
  it('parses the whole log once, then only the lines appended since, with the same result as a replay from scratch', () => {
    const { logPath, open } = studyWith(lines(generatedLog(3000)));
    const size = statSync(logPath).size;
    const cold = open();
    expect(cold.bytesReplayed).toBe(size);
    expect(cold.view).toEqual(fromScratch(logPath));

    const warm = open();
    expect(warm.bytesReplayed).toBe(0);
    expect(warm.bytesChecked).toBe(64 * 1024);
    expect(warm.view).toEqual(cold.view);

    const line = `${serializeEntry({ v: 2, type: 'review', id: 'late-1', at: new Date(T0 + 10 ** 10).toISOString(), session: 'late', item: ITEMS[3]!.id, card: ITEMS[3]!.cardId, mode: 'cloze', grade: 3, correct: true, ms: 4000, text: ITEMS[3]!.text })}\n`;
    appendFileSync(logPath, line);
    const appended = open();
    expect(appended.bytesReplayed).toBe(Buffer.byteLength(line));
    expect(appended.view).toEqual(fromScratch(logPath));
    expect(open().bytesReplayed).toBe(0);
  });

  it('folds an answer and its undo appended together, and a claim, without the whole log', () => {
    const { logPath, open } = studyWith(lines(generatedLog(500)));
    open();
    const at = (minutes: number) => new Date(T0 + 10 ** 10 + minutes * 60_000).toISOString();
    const base = { v: 2, session: 'late', item: ITEMS[5]!.id, card: ITEMS[5]!.cardId, mode: 'cloze' as const, ms: 3000, text: ITEMS[5]!.text };
    const appended = lines([
      { ...base, type: 'review', id: 'late-1', at: at(0), grade: 1, correct: false, given: 'wrong' },
      { v: 2, type: 'undo', id: 'late-2', at: at(1), session: 'late', undoes: 'late-1' },
      { ...base, type: 'review', id: 'late-3', at: at(1), grade: 3, correct: true, given: 'wrong', overrides: 'late-1' },
    ]);
    appendFileSync(logPath, appended);
    const reopened = open();
    expect(reopened.bytesReplayed).toBe(Buffer.byteLength(appended));
    expect(reopened.view).toEqual(fromScratch(logPath));
  });

  const sharedId = generatedLog(300)[10]!;
  // Appended entries the snapshot cannot simply continue with: the whole log is replayed, silently (the snapshot was right).
  const outOfOrder: { name: string; appended: LogEntry }[] = [
    { name: 'an answer older than the last one replayed (an import from another machine)', appended: { v: 2, type: 'review', id: 'old-1', at: new Date(T0 - 60_000).toISOString(), session: 'old', item: ITEMS[1]!.id, card: ITEMS[1]!.cardId, mode: 'cloze', grade: 2, correct: true, ms: 100, text: ITEMS[1]!.text } },
    { name: 'an undo of an answer in the snapshot', appended: { v: 2, type: 'undo', id: 'undo-late', at: new Date(T0 + 10 ** 10).toISOString(), session: 'late', undoes: sharedId.id } },
    { name: 'an entry the snapshot already has (the same id, appended again)', appended: sharedId },
    { name: 'a later entry reusing an id the snapshot has', appended: { ...sharedId, at: new Date(T0 + 10 ** 10).toISOString() } as LogEntry },
  ];
  for (const { name, appended } of outOfOrder) {
    it(`replays the whole log for ${name}, with the result of a replay from scratch`, () => {
      const { logPath, open, warnings } = studyWith(lines(generatedLog(300)));
      open();
      appendFileSync(logPath, lines([appended]));
      const reopened = open();
      expect(reopened.bytesReplayed).toBe(statSync(logPath).size);
      expect(reopened.view).toEqual(fromScratch(logPath));
      expect(warnings).toEqual([]);
    });
  }

  const log = lines(generatedLog(1500));
  const mismatches: { name: string; change: (paths: { logPath: string; snapshot: string }) => void; because: string }[] = [
    { name: 'the log is shorter', change: ({ logPath }) => truncateSync(logPath, log.length - 500), because: 'the log is shorter than when the snapshot was taken' },
    { name: 'the log was rewritten with the same length', change: ({ logPath }) => writeFileSync(logPath, lastReplaced(log, '"grade":4', '"grade":1')), because: 'the log was changed before its end' },
    { name: 'the snapshot is damaged', change: ({ snapshot }) => writeFileSync(snapshot, readFileSync(snapshot, 'utf8').slice(0, 100)), because: 'the snapshot file is damaged' },
    { name: 'the snapshot is of another format version', change: ({ snapshot }) => writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace(`"format":${SNAPSHOT_FORMAT}`, '"format":0')), because: 'it was made by another version of swelearn' },
  ];
  for (const { name, change, because } of mismatches) {
    it(`rebuilds the snapshot from the whole log when ${name}, and says so once`, () => {
      const { logPath, open, warnings, snapshotFile } = studyWith(log);
      open();
      change({ logPath, snapshot: snapshotFile() });
      const rebuilt = open();
      expect(rebuilt.rebuiltBecause).toBe(because);
      expect(rebuilt.bytesReplayed).toBe(statSync(logPath).size);
      expect(rebuilt.view).toEqual(fromScratch(logPath));
      expect(warnings.filter((message) => message.includes('snapshot'))).toEqual([expect.stringContaining(`because ${because}; it was rebuilt from the whole log, and nothing was lost`)]);
      // The next open reads only what follows the last newline (nothing, or the fragment a cut left).
      const now = readFileSync(logPath, 'utf8');
      expect(open().bytesReplayed).toBe(now.length - (now.lastIndexOf('\n') + 1));
      expect(warnings.filter((message) => message.includes('snapshot'))).toEqual([]);
    });
  }

  it('loses nothing when the snapshot is deleted: the next open rebuilds it quietly', () => {
    const { logPath, open, warnings, snapshotFile } = studyWith(log);
    const first = open();
    rmSync(snapshotFile());
    const again = open();
    expect(again.bytesReplayed).toBe(statSync(logPath).size);
    expect(again.view).toEqual(first.view);
    expect(again.rebuiltBecause).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('writes its snapshot once held cache writes are released (the app opened at a quiz draws first), as it was when replayed', () => {
    const { home, logPath, open, snapshotFile } = studyWith(log);
    const release = holdCacheWrites();
    let first: ReturnType<typeof open>;
    try {
      first = open();
      expect(existsSync(join(home, 'cache')) && readdirSync(join(home, 'cache')).some((name) => name.startsWith('review-snapshot-'))).toBe(false);
      // An answer appended before the release is not in the snapshot: it holds the log as it was replayed.
      appendFileSync(logPath, `${serializeEntry({ v: 2, type: 'review', id: 'held-1', at: new Date(T0 + 10 ** 10).toISOString(), session: 'held', item: ITEMS[5]!.id, card: ITEMS[5]!.cardId, mode: 'cloze', grade: 3, correct: true, ms: 4000, text: ITEMS[5]!.text })}\n`);
    } finally {
      release();
    }
    expect(JSON.parse(readFileSync(snapshotFile(), 'utf8')).logBytes).toBe(first.bytesReplayed);
    const again = open();
    expect(again.bytesReplayed).toBe(statSync(logPath).size - first.bytesReplayed);
    expect(again.view).toEqual(fromScratch(logPath));
  });

  it('reports damaged and cut-off lines at every open, from the snapshot as from the log, and never touches the log', () => {
    const entries = generatedLog(200);
    const damaged = `${lines(entries.slice(0, 50))}not json at all\n${serializeEntry(entries[50]!).slice(0, 30)}\n${lines(entries.slice(51))}`;
    const { logPath, open, warnings } = studyWith(damaged);
    open();
    const first = [...warnings];
    expect(first.join('\n')).toMatch(/line 51 is damaged \(not valid JSON\)/);
    expect(first.join('\n')).toMatch(/line 52 was cut off \(an interrupted write\)/);
    expect(open().bytesReplayed).toBe(0);
    expect(warnings).toEqual(first);
    expect(readFileSync(logPath, 'utf8')).toBe(damaged);
  });

  it('re-reads a torn last line at each open (the snapshot ends at the last newline) and uses it once complete', () => {
    const entries = generatedLog(100);
    const torn = serializeEntry({ v: 2, type: 'review', id: 'late-1', at: new Date(T0 + 10 ** 10).toISOString(), session: 'late', item: ITEMS[2]!.id, card: ITEMS[2]!.cardId, mode: 'cloze', grade: 4, correct: true, ms: 900, text: ITEMS[2]!.text });
    const { logPath, open } = studyWith(`${lines(entries)}${torn.slice(0, 20)}`);
    open();
    expect(open().bytesReplayed).toBe(20);
    appendFileSync(logPath, `\n${torn}`);
    const reopened = open();
    expect(reopened.bytesReplayed).toBe(20 + 1 + Buffer.byteLength(torn));
    expect(reopened.view).toEqual(fromScratch(logPath));
  });
});
