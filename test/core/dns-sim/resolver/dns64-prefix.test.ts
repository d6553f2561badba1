import { describe, expect, it } from 'vitest';
import { embedIpv4, readDns64Prefix } from '../../../../src/core/dns-sim/dns64/dns64-prefix.js';
import { ipv6Octets, ipv6Text } from '../../../../src/core/dns-sim/names/ipv6-text.js';

describe('NAT64 prefixes (RFC 6052)', () => {
  // RFC 6052 section 2.4, the table of 192.0.2.33 embedded under 2001:db8:122:344::/n (dig's hex form of the /96 row).
  it.each([
    ['2001:db8::/32', '2001:db8:c000:221::'],
    ['2001:db8:100::/40', '2001:db8:1c0:2:21::'],
    ['2001:db8:122::/48', '2001:db8:122:c000:2:2100::'],
    ['2001:db8:122:300::/56', '2001:db8:122:3c0:0:221::'],
    ['2001:db8:122:344::/64', '2001:db8:122:344:c0:2:2100:0'],
    ['2001:db8:122:344::/96', '2001:db8:122:344::c000:221'],
    ['64:ff9b::/96', '64:ff9b::c000:221'],
  ])('embeds 192.0.2.33 under %s as %s, skipping bits 64 to 71', (prefix, expected) => {
    const read = readDns64Prefix(prefix);
    if (!read.ok) throw new Error(read.message);
    expect(embedIpv4(read.prefix, '192.0.2.33')).toBe(expected);
  });

  it.each([
    ['64:ff9b::', 'prefix "64:ff9b::" must be an IPv6 prefix such as 64:ff9b::/96'],
    ['192.0.2.0/24', 'prefix "192.0.2.0/24" must be an IPv6 prefix such as 64:ff9b::/96'],
    ['64:ff9b::/80', 'prefix length /80 is not one RFC 6052 section 2.2 allows (/32, /40, /48, /56, /64, /96)'],
    ['2001:db8:0:0:ff00::/96', 'prefix 2001:db8:0:0:ff00::/96 sets bits 64 to 71, which RFC 6052 section 2.2 reserves (they must be zero)'],
    ['2001:db8:1::/32', 'prefix 2001:db8:1::/32 has bits set past its length /32'],
  ])('refuses %s, saying which rule it breaks', (prefix, message) => {
    expect(readDns64Prefix(prefix)).toEqual({ ok: false, message });
  });

  it.each([
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ['::', '::'],
  ])('writes %s as RFC 5952 says: %s', (text, canonical) => {
    expect(ipv6Text(ipv6Octets(text)!)).toBe(canonical);
  });
});
