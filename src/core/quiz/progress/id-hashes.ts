import { fnv1a32 } from '../items/item-id.js';

/** The sorted 32-bit hashes of a set of entry ids: a compact "may contain" test (a hash match may be another id; a miss never is). */
export function hashIds(ids: Iterable<string>, into: Uint32Array = new Uint32Array(0)): Uint32Array {
  const added: number[] = [];
  for (const id of ids) added.push(fnv1a32(id));
  const all = new Uint32Array(into.length + added.length);
  all.set(into);
  all.set(added, into.length);
  return all.sort();
}

/** Whether an id's hash is in a sorted hash set. */
export function mayContainId(hashes: Uint32Array, id: string): boolean {
  const wanted = fnv1a32(id);
  let low = 0;
  let high = hashes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = hashes[middle]!;
    if (value === wanted) return true;
    if (value < wanted) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
