import { isIPv4, isIPv6 } from '../world/ip-address.js';

/** The sixteen octets of an IPv6 address in RFC 4291 section 2.2 text form, or undefined when the text is not one. */
export function ipv6Octets(text: string): number[] | undefined {
  if (!isIPv6(text)) return undefined;
  const [head = '', tail] = text.split('::');
  const groupsOf = (half: string): number[] => {
    if (half === '') return [];
    return half.split(':').flatMap((group) => {
      if (!isIPv4(group)) return [Number.parseInt(group, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [a * 256 + b, c * 256 + d];
    });
  };
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** The RFC 5952 text of sixteen octets: lowercase, no leading zeros, the longest run of two or more zero groups as "::" (the first if tied). */
export function ipv6Text(octets: readonly number[]): string {
  const groups = Array.from({ length: 8 }, (_, index) => ((octets[index * 2] ?? 0) << 8) | (octets[index * 2 + 1] ?? 0));
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
