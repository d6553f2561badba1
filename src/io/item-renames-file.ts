import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { followRenameChains, parseItemRenames, type ItemRenames } from '../core/quiz/progress/item-renames.js';
import { fileStampPart } from './file-stamp.js';

/** The renames tables of a content folder (`<dir>/renames/*.tsv`), merged, with a message per unusable line. */
export function readItemRenames(contentDir: string): { renames: ItemRenames; problems: string[] } {
  const folder = join(contentDir, 'renames');
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.tsv')).sort();
  } catch {
    return { renames: new Map(), problems: [] };
  }
  const merged = new Map<string, string>();
  const problems: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    const parsed = parseItemRenames(readFileSync(path, 'utf8'));
    for (const problem of parsed.problems) problems.push(`${path}:${problem.line}: ${problem.message}`);
    for (const [from, to] of parsed.renames) merged.set(from, to);
  }
  return { renames: followRenameChains(merged), problems };
}

/** The renames tables' names, sizes, modification times and inodes, read without opening them: a key for what was derived with them. */
export function itemRenamesStamp(contentDir: string): string {
  const folder = join(contentDir, 'renames');
  try {
    let stamp = folder;
    for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.tsv')).sort()) {
      stamp += fileStampPart(name, statSync(join(folder, name)));
    }
    return stamp;
  } catch {
    return `${folder}\u0000none`;
  }
}
