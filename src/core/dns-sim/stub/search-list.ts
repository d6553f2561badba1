import type { ResolvConf } from '../world/world.js';
import { toStoredName } from '../names/names.js';

/** One name the stub will try, and why it comes at this point in the order. */
export interface SearchCandidate {
  name: string;
  /** 'as-is' for the name as given, 'search' for the name with a search domain appended. */
  kind: 'as-is' | 'search';
  why: string;
}

/**
 * The names glibc's res_search tries, in order (resolv/res_query.c, resolv.conf(5)): a name with a
 * trailing dot is tried only as given; a name with at least ndots dots is tried as given first, then
 * with each search domain; a name with fewer dots goes through the search domains first.
 */
export function searchCandidates(input: string, conf: Pick<ResolvConf, 'search' | 'ndots'>): SearchCandidate[] {
  const name = toStoredName(input);
  if (input.endsWith('.')) return [{ name, kind: 'as-is', why: 'the trailing dot makes the name absolute: the search list is never used' }];
  const dots = name === '' ? 0 : name.split('.').length - 1;
  const plural = (n: number): string => `${n} dot${n === 1 ? '' : 's'}`;
  const asIs = (first: boolean): SearchCandidate => ({
    name,
    kind: 'as-is',
    why: first ? `'${name}' has ${plural(dots)}, at least ndots:${conf.ndots}: tried as given first` : `every search domain failed: finally tried as given`,
  });
  const searched = conf.search.map((domain, index): SearchCandidate => ({
    name: `${name}.${domain}`,
    kind: 'search',
    why: `search domain ${index + 1} of ${conf.search.length}${dots < conf.ndots && index === 0 ? ` ('${name}' has ${plural(dots)}, fewer than ndots:${conf.ndots}, so the search list comes first)` : ''}`,
  }));
  return dots >= conf.ndots ? [asIs(true), ...searched] : [...searched, asIs(false)];
}
