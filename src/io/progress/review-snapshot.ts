import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sha1Hex } from '../../core/text/sha1.js';
import { whenCacheWritable, writeCacheFileSync } from '../cache-space.js';
import { makeFolder } from '../make-folder.js';
import type { ClaimFold, FoldState, ItemFold } from '../../core/quiz/progress/replay-fold.js';
import type { ItemSchedule } from '../../core/quiz/progress/schedule.js';
import { currentBuildId } from '../derived-cache.js';
import type { LogProblem } from './read-review-log.js';

/** Bump when what a snapshot holds, or how the fold computes it, changes: an older snapshot is then rebuilt. */
export const SNAPSHOT_FORMAT = 3;

/** How many bytes before the snapshot's offset are kept to tell the same log from an edited one. */
export const SNAPSHOT_CHECK_BYTES = 64 * 1024;

/** The replayed state of the log's first `logBytes` bytes (whole lines), and what tells whether the log still starts with them. */
export interface ReviewSnapshot {
  logBytes: number;
  /** Lines in those bytes, so the lines after them are numbered right. */
  lines: number;
  /**
   * The last 64 KiB before `logBytes` themselves, in base64 (tailText), compared with the log's bytes there: exact, and
   * without node:crypto, which hashing them took about 2 ms to load before the quiz and statistics screens' first frame.
   */
  tail: string;
  /** What else the fold depended on: the build and the renames tables' files. */
  key: string;
  problems: LogProblem[];
  state: FoldState;
  /** FNV-1a hashes of every entry id in those bytes, sorted: an appended entry whose id may be among them needs a full replay. */
  ids: Uint32Array;
}

/** A stored snapshot, none, or why the one stored cannot be used. */
export type StoredSnapshot = { kind: 'ok'; snapshot: ReviewSnapshot } | { kind: 'missing' } | { kind: 'unusable'; reason: string };

// The file name and key are SHA-1 in plain code (core/text/sha1.ts), the same digests node:crypto gives: `swelearn quiz`
// and `swelearn stats` read the snapshot before their first frame, which loading node:crypto would delay by about 2 ms.

/** Where the snapshot of a log lives in the cache folder (one per log path). */
export function snapshotPath(cacheDir: string, logPath: string): string {
  return join(cacheDir, `review-snapshot-${sha1Hex(resolve(logPath)).slice(0, 16)}.json`);
}

/** What a fold depends on besides the log: this build (its FSRS and its rules) and the renames tables' files (itemRenamesStamp), so the tables are read only when an entry needs them. */
export function snapshotKey(renamesStamp: string): string {
  return sha1Hex(`${currentBuildId() ?? 'source'}\u0000${renamesStamp}`);
}

/** The bytes as a snapshot keeps them (its `tail`). */
export function tailText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Reads a snapshot; a damaged one, or one of another format or key, is unusable with a reason a user understands. */
export function readSnapshot(file: string, key: string): StoredSnapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { kind: 'missing' };
  }
  try {
    const stored = JSON.parse(text) as StoredJson;
    if (stored.format !== SNAPSHOT_FORMAT || stored.key !== key) return { kind: 'unusable', reason: 'it was made by another version of swelearn' };
    return { kind: 'ok', snapshot: { ...stored, state: reviveState(stored.state), ids: decodeIds(stored.ids) } };
  } catch {
    return { kind: 'unusable', reason: 'the snapshot file is damaged' };
  }
}

/**
 * Writes a snapshot the way every cache file is written (a temporary file renamed over it, never below the
 * free-space floor the review log needs); a cache that cannot be written only costs speed next time.
 */
export function writeSnapshot(file: string, snapshot: ReviewSnapshot): void {
  const { state, ids, ...rest } = snapshot;
  const text = JSON.stringify({ format: SNAPSHOT_FORMAT, ...rest, state: storeState(state), ids: Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString('base64') });
  // Held while the app draws its first frame (whenCacheWritable); the text is made now, from the state as it is now.
  whenCacheWritable(() => {
    try {
      makeFolder(dirname(file));
      writeCacheFileSync(file, text);
    } catch {
      // A read-only or full cache folder only means replaying the whole log next time.
    }
  });
}

// A small Buffer is a view into a shared pool: copy exactly its bytes, never its whole backing store.
function decodeIds(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('ids are not whole 32-bit hashes');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

interface StoredJson extends Omit<ReviewSnapshot, 'state' | 'ids'> {
  format: number;
  state: ReturnType<typeof storeState>;
  ids: string;
}

function storeState(state: FoldState) {
  const summary = state.summary;
  return {
    items: [...state.items],
    summary: { ...summary, slots: [...summary.slots], claims: [...summary.claims].map(([id, claim]) => [id, { ...claim, given: [...claim.given] }] as const) },
    undone: [...state.undone],
    ...(state.last ? { last: state.last } : {}),
  };
}

function reviveState(stored: ReturnType<typeof storeState>): FoldState {
  const items = new Map<string, ItemFold>(stored.items.map(([id, fold]) => [id, { ...fold, tracks: reviveTracks(fold.tracks) }]));
  const claims = new Map<string, ClaimFold>(stored.summary.claims.map(([id, claim]) => [id, { ...claim, given: new Map(claim.given) }]));
  return { items, summary: { ...stored.summary, slots: new Map(stored.summary.slots), claims }, undone: new Set(stored.undone), ...(stored.last ? { last: stored.last } : {}) };
}

function reviveTracks(tracks: ItemFold['tracks']): ItemFold['tracks'] {
  return Object.fromEntries(Object.entries(tracks).map(([track, progress]) => [track, { ...progress, schedule: reviveSchedule(progress.schedule) }]));
}

// JSON keeps an FSRS card's dates as ISO strings (exact to the millisecond); they are Dates again here.
function reviveSchedule(schedule: ItemSchedule): ItemSchedule {
  const raw = schedule as unknown as Record<string, unknown>;
  return { ...schedule, due: new Date(raw.due as string), ...(raw.last_review === undefined ? {} : { last_review: new Date(raw.last_review as string) }) };
}
