/** Whether text is an IPv4 dotted quad: four decimal numbers 0-255 without leading zeros (as inet_pton(3) requires). */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  // inet_pton rejects "010": some parsers read a leading zero as octal, so the value would be ambiguous.
  return parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** Whether text is an IPv6 address in RFC 4291 section 2.2 text form (hex groups, one "::", an optional IPv4 tail). */
export function isIPv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const left = groupsOf(halves[0] ?? '');
  const right = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const all = [...left, ...right];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    // RFC 4291 2.2 form 3: the last 32 bits may be written as a dotted quad.
    if (!isIPv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  // "::" stands for one or more zero groups, so the written groups must leave room for it.
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Whether text is an IPv4 or an IPv6 address. */
export function isIPAddress(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}
