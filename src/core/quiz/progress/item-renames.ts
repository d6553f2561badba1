import type { LogEntry } from './log-entry.js';

/** Old item id to the id of the item that replaced it, chains already followed. */
export type ItemRenames = ReadonlyMap<string, string>;

/** A line of a renames table that cannot be used. */
export interface RenameProblem {
  line: number;
  message: string;
}

const ITEM_ID = /^[\p{L}\p{N}._-]+(?:\/[\p{L}\p{N}._-]+)+$/u;

/**
 * Reads a renames table: a header `old<TAB>new`, then one old id and its new id per line. Blank lines
 * and lines starting with `#` are skipped; a line that is not two item ids is reported and skipped.
 */
export function parseItemRenames(text: string): { renames: Map<string, string>; problems: RenameProblem[] } {
  const renames = new Map<string, string>();
  const problems: RenameProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || (index === 0 && line === 'old\tnew')) return;
    const [from, to, ...rest] = line.split('\t');
    if (!from || !to || rest.length > 0 || !ITEM_ID.test(from) || !ITEM_ID.test(to)) {
      problems.push({ line: index + 1, message: 'expected an old item id and a new one, separated by a tab' });
    } else if (renames.has(from) && renames.get(from) !== to) {
      problems.push({ line: index + 1, message: `${from} is already renamed to ${renames.get(from)}` });
    } else {
      renames.set(from, to);
    }
  });
  return { renames, problems };
}

/** Follows chains (a to b, then b to c) so every old id maps straight to today's id; a cycle maps nowhere. */
export function followRenameChains(renames: ReadonlyMap<string, string>): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const from of renames.keys()) {
    const seen = new Set([from]);
    let to = renames.get(from)!;
    while (renames.has(to) && !seen.has(to)) {
      seen.add(to);
      to = renames.get(to)!;
    }
    if (!seen.has(to)) resolved.set(from, to);
  }
  return resolved;
}

/** The log with every answer to a renamed item counted for the item that replaced it; the file is never rewritten. */
export function renameLoggedItems(entries: readonly LogEntry[], renames: ItemRenames): LogEntry[] {
  if (renames.size === 0) return [...entries];
  return entries.map((entry) => {
    if (entry.type === 'undo') return entry;
    const renamed = renames.get(entry.item);
    return renamed === undefined ? entry : { ...entry, item: renamed };
  });
}
