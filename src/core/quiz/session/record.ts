import type { LogEntry } from '../progress/log-entry.js';
import { markSaved, type SessionState, type Transition } from './session.js';

/** Writes log entries durably before returning, and says whether they reached the disk. */
export type RecordEntries = (entries: readonly LogEntry[]) => { ok: true } | { ok: false; reason: string };

/** Hands a transition's entries to the recorder before its state may be shown, and marks them saved or not. */
export function persistTransition(transition: Transition, record: RecordEntries, onFailure?: (reason: string) => void): SessionState {
  if (transition.entries.length === 0) return transition.state;
  const result = record(transition.entries);
  if (!result.ok) onFailure?.(result.reason);
  return markSaved(transition.state, transition.entries.map((entry) => entry.id), result.ok);
}
