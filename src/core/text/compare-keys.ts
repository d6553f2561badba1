// Tags, topics, card ids and item ids are made of lowercase letters, digits and . + / _ : - (the card format's rule for
// tags; ids use fewer). In the Unicode root collation these sort by primary weight alone, punctuation first, in this
// order. The first localeCompare of a process sets up ICU's collator to break ties between groups of equal recall: 5 to
// 8 ms for `swelearn stats` in a pipe, and 0.5 to 0.9 ms before the statistics screen's first frame, where Ink's
// Intl.Segmenter has loaded part of ICU already.
const ROOT_ORDER = '_-:./+0123456789abcdefghijklmnopqrstuvwxyz';
const RANK = new Int8Array(128).fill(-1);
for (let rank = 0; rank < ROOT_ORDER.length; rank++) RANK[ROOT_ORDER.charCodeAt(rank)] = rank;

const rankOf = (unit: number): number => (unit < 128 ? RANK[unit]! : -1);

/**
 * Orders two keys as the Unicode root collation does (`a.localeCompare(b, 'und')`), the same on every machine whatever
 * its locale: keys of the characters above without setting up the collator, any other through it.
 */
export function compareKeys(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  let index = 0;
  while (index < shared && a.charCodeAt(index) === b.charCodeAt(index)) index++;
  if (index < shared) {
    const left = rankOf(a.charCodeAt(index));
    const right = rankOf(b.charCodeAt(index));
    return left < 0 || right < 0 || !onlyRanked(a, index) || !onlyRanked(b, index) ? a.localeCompare(b, 'und') : left - right;
  }
  // One is a prefix of the other: the shorter sorts first, unless what the longer adds is unknown here (it may be
  // ignorable in the collation).
  const longer = a.length > b.length ? a : b;
  if (!onlyRanked(longer, shared)) return a.localeCompare(b, 'und');
  return a.length - b.length;
}

// Whether every character from `from` on is one of the ranked ones.
function onlyRanked(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) if (rankOf(text.charCodeAt(index)) < 0) return false;
  return true;
}
