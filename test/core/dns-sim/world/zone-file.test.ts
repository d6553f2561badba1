import { describe, expect, it } from 'vitest';
import { parseZoneFile } from '../../../../src/core/dns-sim/world/zone-file.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

const opts = { file: 'example.com.zone', origin: 'example.com' };
const SOA = '@ 3600 IN SOA ns1 hostmaster 1 7200 900 604800 300\n';

/** The records of a zone as compact [name, type, ttl, data] rows. */
function rows(text: string, options: Parameters<typeof parseZoneFile>[1] = opts): [string, string, number, unknown][] {
  const result = parseZoneFile(text, options);
  expect(result.errors).toEqual([]);
  return result.zone.records.map((r: ResourceRecord) => [r.name, r.type, r.ttlSeconds, r.data]);
}

describe('parseZoneFile: syntax', () => {
  const cases: { name: string; text: string; expected: [string, string, number, unknown][] }[] = [
    { name: '@ is the origin', text: '$TTL 60\n@ A 192.0.2.1', expected: [['example.com', 'A', 60, '192.0.2.1']] },
    { name: 'relative names get the origin appended', text: '$TTL 60\nwww A 192.0.2.1', expected: [['www.example.com', 'A', 60, '192.0.2.1']] },
    { name: 'absolute names keep their labels and lose the dot', text: '$TTL 60\nWWW.Example.COM. A 192.0.2.1', expected: [['www.example.com', 'A', 60, '192.0.2.1']] },
    { name: '$ORIGIN changes where relative names go', text: '$TTL 60\n$ORIGIN example.com.\n$ORIGIN sub\nhost A 192.0.2.1', expected: [['host.sub.example.com', 'A', 60, '192.0.2.1']] },
    { name: 'a blank owner repeats the previous owner', text: '$TTL 60\nwww A 192.0.2.1\n  A 192.0.2.2\n\tAAAA ::1', expected: [['www.example.com', 'A', 60, '192.0.2.1'], ['www.example.com', 'A', 60, '192.0.2.2'], ['www.example.com', 'AAAA', 60, '::1']] },
    { name: 'TTL then class', text: 'a 300 IN A 192.0.2.1', expected: [['a.example.com', 'A', 300, '192.0.2.1']] },
    { name: 'class then TTL', text: 'a IN 300 A 192.0.2.1', expected: [['a.example.com', 'A', 300, '192.0.2.1']] },
    { name: 'no TTL and no class uses $TTL', text: '$TTL 2h\na A 192.0.2.1', expected: [['a.example.com', 'A', 7200, '192.0.2.1']] },
    { name: 'BIND units add up', text: 'a 1w2d3h4m5s A 192.0.2.1\nb 1H30M A 192.0.2.2\nc 1h30 A 192.0.2.3', expected: [['a.example.com', 'A', 788645, '192.0.2.1'], ['b.example.com', 'A', 5400, '192.0.2.2'], ['c.example.com', 'A', 3630, '192.0.2.3']] },
    { name: 'without $TTL the last explicit TTL carries on (RFC 1035 5.1)', text: 'a 120 A 192.0.2.1\nb A 192.0.2.2', expected: [['a.example.com', 'A', 120, '192.0.2.1'], ['b.example.com', 'A', 120, '192.0.2.2']] },
    { name: '$TTL wins over the last explicit TTL (RFC 2308 4)', text: '$TTL 30\na 120 A 192.0.2.1\nb A 192.0.2.2', expected: [['a.example.com', 'A', 120, '192.0.2.1'], ['b.example.com', 'A', 30, '192.0.2.2']] },
    { name: 'type names and class are case-insensitive', text: '$TTL 60\na in a 192.0.2.1\nb cname A', expected: [['a.example.com', 'A', 60, '192.0.2.1'], ['b.example.com', 'CNAME', 60, 'a.example.com']] },
    { name: 'comments end a line, also after data', text: '; header\n$TTL 60 ; default\na A 192.0.2.1 ; web\n   ; only a comment\n', expected: [['a.example.com', 'A', 60, '192.0.2.1']] },
    {
      name: 'a multi-line SOA in parentheses with comments',
      text: '$TTL 1h\n@ IN SOA ns1 hostmaster.example.com. (\n  2024 ; serial\n  2h   ; refresh\n  15m  ; retry\n  2w   ; expire\n  5m ) ; minimum\n',
      expected: [['example.com', 'SOA', 3600, { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 2024, refresh: 7200, retry: 900, expire: 1209600, minimum: 300 }]],
    },
    { name: 'parentheses may open and close on one line', text: '$TTL 1h\n@ SOA ns1 host ( 1 2 3 4 5 )', expected: [['example.com', 'SOA', 3600, { mname: 'ns1.example.com', rname: 'host.example.com', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 }]] },
    { name: 'AAAA forms of RFC 4291 2.2', text: '$TTL 60\na AAAA 2001:DB8::1\nb AAAA ::ffff:192.0.2.1\nc AAAA 1:2:3:4:5:6:7:8\nd AAAA ::', expected: [['a.example.com', 'AAAA', 60, '2001:db8::1'], ['b.example.com', 'AAAA', 60, '::ffff:192.0.2.1'], ['c.example.com', 'AAAA', 60, '1:2:3:4:5:6:7:8'], ['d.example.com', 'AAAA', 60, '::']] },
    { name: 'CNAME, NS and PTR take a name', text: '$TTL 60\nwww CNAME web.other.net.\n@ NS ns1\n1 PTR host', expected: [['www.example.com', 'CNAME', 60, 'web.other.net'], ['example.com', 'NS', 60, 'ns1.example.com'], ['1.example.com', 'PTR', 60, 'host.example.com']] },
    { name: 'MX takes a preference and an exchange', text: '$TTL 60\n@ MX 10 mail\n@ MX 20 mx.other.net.', expected: [['example.com', 'MX', 60, { preference: 10, exchange: 'mail.example.com' }], ['example.com', 'MX', 60, { preference: 20, exchange: 'mx.other.net' }]] },
    { name: 'TXT: several strings, escapes, semicolons inside quotes, unquoted words', text: '$TTL 60\n@ TXT "say \\"hi\\"" "a;b" "\\065\\066" word "caf\\195\\169"', expected: [['example.com', 'TXT', 60, ['say "hi"', 'a;b', 'AB', 'word', 'café']]] },
    { name: 'TXT strings may span lines in parentheses', text: '$TTL 60\n@ TXT ( "part one"\n  "part two" )', expected: [['example.com', 'TXT', 60, ['part one', 'part two']]] },
    { name: 'SRV and underscore owner names', text: '$TTL 60\n_sip._tcp SRV 10 60 5060 sip\n_x._udp SRV 0 0 0 .', expected: [['_sip._tcp.example.com', 'SRV', 60, { priority: 10, weight: 60, port: 5060, target: 'sip.example.com' }], ['_x._udp.example.com', 'SRV', 60, { priority: 0, weight: 0, port: 0, target: '' }]] },
    { name: 'CAA with a quoted value; tag lowercased', text: '$TTL 60\n@ CAA 0 issue "letsencrypt.org"\n@ CAA 128 IODEF "mailto:a@example.com"', expected: [['example.com', 'CAA', 60, { flags: 0, tag: 'issue', value: 'letsencrypt.org' }], ['example.com', 'CAA', 60, { flags: 128, tag: 'iodef', value: 'mailto:a@example.com' }]] },
    { name: 'a wildcard leftmost label', text: '$TTL 60\n*.apps A 192.0.2.7', expected: [['*.apps.example.com', 'A', 60, '192.0.2.7']] },
    { name: 'CRLF line endings and a BOM', text: '\uFEFF$TTL 60\r\nwww A 192.0.2.1\r\n', expected: [['www.example.com', 'A', 60, '192.0.2.1']] },
    // A CR-only file (classic Mac OS) loaded as an empty zone: the comment on its first line swallowed the rest.
    { name: 'lone CR line endings', text: '; a comment\r$TTL 60\rwww A 192.0.2.1\rmail A 192.0.2.2\r', expected: [['www.example.com', 'A', 60, '192.0.2.1'], ['mail.example.com', 'A', 60, '192.0.2.2']] },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    expect(rows(text)).toEqual(expected);
  });

  it('counts lines ended by a lone CR, so errors name the right line', () => {
    const result = parseZoneFile('$TTL 60\rwww A 192.0.2.1\rbad A 999.0.0.1\r', { file: 'mac.zone', origin: 'example.com' });
    expect(result.errors.map((error) => [error.file, error.line])).toEqual([['mac.zone', 3]]);
  });

  it('the root zone stores names with "" for the root', () => {
    expect(rows('$TTL 60\n. NS a.root-servers.net.\na.root-servers.net. A 198.41.0.4\ncom. NS a.gtld-servers.net.', { file: 'root.zone', origin: '.' })).toEqual([
      ['', 'NS', 60, 'a.root-servers.net'],
      ['a.root-servers.net', 'A', 60, '198.41.0.4'],
      ['com', 'NS', 60, 'a.gtld-servers.net'],
    ]);
  });

  it('$ORIGIN before the first record sets the zone origin over the file-name origin', () => {
    const result = parseZoneFile('$ORIGIN example.org.\n$TTL 60\n@ A 192.0.2.1', { file: 'x.zone', origin: 'x' });
    expect([result.zone.origin, result.zone.records[0]?.name, result.errors]).toEqual(['example.org', 'example.org', []]);
  });

  it('a later $ORIGIN does not move the zone origin', () => {
    const result = parseZoneFile('$TTL 60\n@ A 192.0.2.1\n$ORIGIN sub.example.com.\nwww A 192.0.2.2', opts);
    expect([result.zone.origin, result.zone.records.map((r) => r.name)]).toEqual(['example.com', ['example.com', 'www.sub.example.com']]);
  });

  it('without any origin, the SOA owner becomes the zone origin', () => {
    const result = parseZoneFile('$TTL 60\nexample.net. SOA ns.example.net. h.example.net. 1 2 3 4 5\nwww.example.net. A 192.0.2.1', { file: 'x' });
    expect([result.zone.origin, result.errors]).toEqual(['example.net', []]);
  });

  it('defaultTtlSeconds applies when the file gives no TTL at all', () => {
    expect(rows('www A 192.0.2.1', { ...opts, defaultTtlSeconds: 99 })).toEqual([['www.example.com', 'A', 99, '192.0.2.1']]);
  });

  it('records carry file:line of the line they start on', () => {
    const result = parseZoneFile('$TTL 60\n\n@ SOA ns1 host (\n 1 2 3 4 5 )\nwww A 192.0.2.1', opts);
    expect(result.zone.records.map((r) => r.source)).toEqual(['example.com.zone:3', 'example.com.zone:5']);
    expect(result.zone.file).toBe('example.com.zone');
  });
});

describe('parseZoneFile: errors name the line and the problem, and parsing goes on', () => {
  const cases: { name: string; text: string; line: number; message: string | RegExp; noTtl?: boolean }[] = [
    { name: 'MX without exchange', text: 'mail MX 10', line: 1, message: 'MX needs a preference and an exchange' },
    { name: 'MX with a bad preference', text: 'mail MX ten mx', line: 1, message: "MX preference 'ten' is not a number from 0 to 65535" },
    { name: 'unknown type', text: 'a FOO bar', line: 1, message: /^unknown record type FOO/ },
    { name: 'known but unsupported type', text: 'a HINFO cpu os', line: 1, message: /^record type HINFO is not supported/ },
    { name: 'a missing type', text: 'a 300 IN', line: 1, message: /has no type/ },
    { name: 'an address where the type goes', text: 'a 300 IN 192.0.2.1', line: 1, message: /^expected a record type, found '192.0.2.1'/ },
    { name: 'TTL that is not a number', text: '$TTL abc', line: 1, message: "TTL 'abc' is not a number" },
    { name: 'TTL with an unknown unit', text: 'a 5x A 192.0.2.1', line: 1, message: "TTL '5x' has an unknown unit 'x' (BIND units: w, d, h, m, s)" },
    { name: 'TTL too large (RFC 2181 8)', text: 'a 2147483648 A 192.0.2.1', line: 1, message: /largest is 2147483647 \(RFC 2181 section 8\)/ },
    { name: 'unbalanced parenthesis', text: '\n\n\n\n@ SOA ns1 host ( 1 2 3\n 4 5\nwww A 192.0.2.1', line: 5, message: 'unbalanced parenthesis opened on line 6' },
    { name: 'closing parenthesis without an opening one', text: 'a A 192.0.2.1 )', line: 1, message: "')' without a matching '('" },
    { name: 'nested parentheses', text: '@ SOA ns1 host ( 1 ( 2 ) 3 4 5 )', line: 1, message: "'(' inside parentheses opened on line 2" },
    { name: 'unterminated quote', text: 'a TXT "open', line: 1, message: /^unterminated quoted string/ },
    { name: 'A that is not a dotted quad', text: 'a A 1.2.3', line: 1, message: /^A address '1.2.3' is not an IPv4 dotted quad/ },
    { name: 'A octet over 255', text: 'a A 1.2.3.256', line: 1, message: /^A address '1.2.3.256' is not an IPv4/ },
    { name: 'A with leading zeros', text: 'a A 1.2.3.04', line: 1, message: /leading zeros/ },
    { name: 'A given an IPv6 address', text: 'a A 2001:db8::1', line: 1, message: "A address '2001:db8::1' is an IPv6 address; use AAAA" },
    { name: 'AAAA given an IPv4 address', text: 'a AAAA 192.0.2.1', line: 1, message: "AAAA address '192.0.2.1' is an IPv4 address; use A" },
    { name: 'AAAA with two ::', text: 'a AAAA 1::2::3', line: 1, message: /is not a valid IPv6 address/ },
    { name: 'AAAA with nine groups', text: 'a AAAA 1:2:3:4:5:6:7:8:9', line: 1, message: /is not a valid IPv6 address/ },
    { name: 'AAAA group over four digits', text: 'a AAAA 12345::1', line: 1, message: /is not a valid IPv6 address/ },
    { name: 'A with two addresses', text: 'a A 192.0.2.1 192.0.2.2', line: 1, message: "A takes one IPv4 address, but '192.0.2.2' follows" },
    { name: 'CNAME without target', text: 'a CNAME', line: 1, message: 'CNAME needs one target name' },
    { name: 'SOA with too few fields', text: '@ SOA ns1 host 1 2 3', line: 1, message: 'SOA needs 7 fields (mname rname serial refresh retry expire minimum), got 5' },
    { name: 'SOA serial not a number', text: '@ SOA ns1 host ( x\n 2 3 4 5 )', line: 1, message: "SOA serial 'x' is not a number from 0 to 4294967295" },
    { name: 'SOA timer not a number, on its own line', text: '@ SOA ns1 host ( 1\n 2\n nope\n 4 5 )', line: 3, message: "SOA retry 'nope' is not a number" },
    { name: 'SRV with too few fields', text: '_s._tcp SRV 1 2 3', line: 1, message: 'SRV needs a priority, a weight, a port and a target' },
    { name: 'SRV port over 65535', text: '_s._tcp SRV 1 2 70000 host', line: 1, message: "SRV port '70000' is not a number from 0 to 65535" },
    { name: 'CAA bad tag', text: '@ CAA 0 is-sue "x"', line: 1, message: /^CAA tag 'is-sue' must be 1 to 15 letters and digits/ },
    { name: 'CAA flags over 255', text: '@ CAA 256 issue "x"', line: 1, message: "CAA flags '256' is not a number from 0 to 255" },
    { name: 'TXT without strings', text: 'a TXT', line: 1, message: 'TXT needs at least one string' },
    { name: 'TXT string over 255 octets', text: `a TXT "${'x'.repeat(256)}"`, line: 1, message: /string is 256 octets; a character-string holds at most 255/ },
    { name: 'TXT escape over 255', text: 'a TXT "\\999"', line: 1, message: /escape \\999 is not an octet/ },
    { name: 'TXT escape with too few digits', text: 'a TXT "\\12x"', line: 1, message: /needs exactly three digits/ },
    { name: 'class other than IN', text: 'a CH TXT "x"', line: 1, message: 'class CH is not supported; the simulator models class IN only' },
    { name: 'blank owner on the first record', text: '  A 192.0.2.1', line: 1, message: /repeats the previous owner name, but there is none yet/ },
    { name: 'record without any TTL', text: 'a A 192.0.2.1', line: 1, message: 'the record has no TTL and no $TTL comes before it', noTtl: true },
    { name: 'owner outside the zone', text: 'www.example.org. A 192.0.2.1', line: 1, message: /^owner 'www.example.org' is outside the zone 'example.com'/ },
    { name: 'empty label', text: 'a..b A 192.0.2.1', line: 1, message: /label 2 is empty/ },
    { name: 'label over 63 octets', text: `${'a'.repeat(64)} A 192.0.2.1`, line: 1, message: /is 64 octets; the limit is 63/ },
    { name: 'name over 255 octets', text: `${Array(5).fill('a'.repeat(60)).join('.')} A 192.0.2.1`, line: 1, message: /the limit is 255 octets/ },
    { name: 'a non-ASCII name', text: 'münchen A 192.0.2.1', line: 1, message: /punycode/ },
    { name: 'a misplaced wildcard', text: 'a.*.b A 192.0.2.1', line: 1, message: /leftmost label/ },
    { name: 'a backslash escape in a name', text: 'a\\.b A 192.0.2.1', line: 1, message: /backslash escape/ },
    { name: '$INCLUDE', text: '$INCLUDE other.zone', line: 1, message: /\$INCLUDE is not supported/ },
    { name: 'unknown directive', text: '$GENERATE 1-10 a$ A 192.0.2.$', line: 1, message: 'unknown directive $GENERATE (supported: $ORIGIN, $TTL)' },
    { name: '$TTL without value', text: '$TTL', line: 1, message: '$TTL takes one value, got 0', noTtl: true },
    { name: 'quoted name', text: 'a CNAME "b"', line: 1, message: /a name must not be quoted/ },
  ];
  it.each(cases)('$name', ({ text, line, message, noTtl }) => {
    // Most cases get a $TTL line first, so their line numbers shift by one.
    const result = parseZoneFile(noTtl ? text : `$TTL 60\n${text}`, opts);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'example.com.zone', line: noTtl ? line : line + 1 });
    expect(result.errors[0]?.message).toMatch(message);
  });

  it('errors do not stop the records after them', () => {
    const result = parseZoneFile('$TTL 60\na A 1.2.3\nb MX 10\nc A 192.0.2.3\nd FOO x\ne A 192.0.2.5', opts);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 5]);
    expect(result.zone.records.map((r) => r.name)).toEqual(['c.example.com', 'e.example.com']);
  });

  it('an unclosed parenthesis does not hide the errors after it', () => {
    const result = parseZoneFile('$TTL 60\n@ SOA ns1 host ( 1 2 3\n    4 5\nmail MX 10\nwww A 192.0.2.1\n', opts);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'unbalanced parenthesis opened on line 2'],
      [4, 'MX needs a preference and an exchange'],
    ]);
    expect(result.zone.records.map((r) => r.name)).toEqual(['www.example.com']);
  });

  it('a relative name without any origin is an error, and so is a file with no origin', () => {
    const result = parseZoneFile('$TTL 60\nwww A 192.0.2.1', { file: 'x' });
    expect(result.errors.map((e) => e.message)).toEqual([
      'cannot tell the zone origin: add $ORIGIN or name the file after the zone (example.com.zone)',
      "relative name 'www' but no origin is set: add $ORIGIN or end the name with a dot",
    ]);
  });
});
