import { cacheOperationsOf, type ResolutionEvent } from '../../../core/dns-sim/events.js';
import type { RecordView } from '../../../core/dns-sim/wire/message-view.js';
import type { RecordType } from '../../../core/dns-sim/world/world.js';
import { compareKeys } from '../../../core/text/compare-keys.js';

/** One entry of a resolver's cache as the learner sees it at the cursor's moment. */
export interface CacheRow {
  owner: string;
  name: string;
  type: RecordType;
  negative?: 'nxdomain' | 'nodata';
  ttlSeconds: number;
  storedAtMs: number;
  /** TTL left at the moment shown; 0 or less means expired. */
  remainingSeconds: number;
  data: string;
}

/**
 * The caches after the steps up to the cursor, TTLs counted down to nowMs on the virtual clock.
 * Entries cached before the run started (a warm cache) appear when a step hits them.
 */
export function cacheAt(events: readonly ResolutionEvent[], cursor: number, nowMs: number): CacheRow[] {
  const entries = new Map<string, Omit<CacheRow, 'remainingSeconds'>>();
  for (let index = 0; index <= cursor && index < events.length; index++) {
    const event = events[index]!;
    for (const op of cacheOperationsOf(event)) {
      const key = `${event.from.name}|${op.name}|${op.type}`;
      if (op.op === 'expire') entries.delete(key);
      else if (op.op === 'store' || (op.op === 'hit' && !entries.has(key))) {
        entries.set(key, {
          owner: event.from.name, name: op.name, type: op.type, ttlSeconds: op.ttlSeconds, storedAtMs: event.timeMs,
          ...(op.negative ? { negative: op.negative } : {}), data: summariseRecords(op.records, op.negative),
        });
      }
    }
  }
  return [...entries.values()]
    .map((entry) => ({ ...entry, remainingSeconds: entry.ttlSeconds - Math.floor((nowMs - entry.storedAtMs) / 1000) }))
    .sort((a, b) => b.storedAtMs - a.storedAtMs || compareKeys(a.name, b.name));
}

function summariseRecords(records: readonly RecordView[] | undefined, negative: CacheRow['negative']): string {
  if (negative) return negative.toUpperCase();
  if (!records || records.length === 0) return '';
  const first = records[0]!.data;
  return records.length > 1 ? `${first} +${records.length - 1}` : first;
}

/** A TTL as resolvers show it, in whole seconds, so the countdown is visible at every step: "86340 s", "expired". */
export function showTtl(seconds: number): string {
  return seconds <= 0 ? 'expired' : `${seconds} s`;
}
