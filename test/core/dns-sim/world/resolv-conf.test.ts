import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOLV_CONF, parseResolvConf } from '../../../../src/core/dns-sim/world/resolv-conf.js';
import { formatFileError } from '../../../../src/core/dns-sim/world/file-error.js';

describe('parseResolvConf: settings', () => {
  const cases: { name: string; text: string; expected: Partial<typeof DEFAULT_RESOLV_CONF> }[] = [
    { name: 'glibc defaults: timeout 5, attempts 2, ndots 1', text: 'nameserver 10.0.0.53', expected: { nameservers: ['10.0.0.53'], ndots: 1, timeoutSeconds: 5, attempts: 2, rotate: false, singleRequest: false, edns0: false } },
    { name: 'up to three nameservers, in order, IPv6 with a zone', text: 'nameserver 10.0.0.1\nnameserver 2001:db8::1\nnameserver fe80::1%eth0', expected: { nameservers: ['10.0.0.1', '2001:db8::1', 'fe80::1%eth0'] } },
    { name: 'search list, lowercased and without trailing dots', text: 'nameserver 10.0.0.1\nsearch Default.svc.cluster.local. svc.cluster.local cluster.local', expected: { search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'] } },
    { name: 'the last of search and domain wins', text: 'nameserver 10.0.0.1\nsearch a.example b.example\ndomain corp.example', expected: { search: ['corp.example'] } },
    { name: 'options on one or several lines', text: 'nameserver 10.0.0.1\noptions ndots:5 timeout:1\noptions attempts:4 rotate single-request edns0', expected: { ndots: 5, timeoutSeconds: 1, attempts: 4, rotate: true, singleRequest: true, edns0: true } },
    { name: 'ndots:0 is allowed', text: 'nameserver 10.0.0.1\noptions ndots:0', expected: { ndots: 0 } },
    { name: 'limits clamp as glibc does: ndots 15, timeout 30, attempts 5', text: 'nameserver 10.0.0.1\noptions ndots:20 timeout:60 attempts:9', expected: { ndots: 15, timeoutSeconds: 30, attempts: 5 } },
    { name: 'comments with # and ;, and blank lines', text: '# generated\n; also a comment\n\nnameserver 10.0.0.1\n', expected: { nameservers: ['10.0.0.1'] } },
    { name: 'no nameserver falls back to 127.0.0.1', text: 'search example.com', expected: { nameservers: ['127.0.0.1'] } },
  ];
  it.each(cases)('$name', ({ text, expected }) => {
    const result = parseResolvConf(text);
    expect(result.errors).toEqual([]);
    expect(result.conf).toMatchObject(expected);
  });

  it('warns when it ignores or adjusts a line, naming the line', () => {
    const text = 'nameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver 10.0.0.4\noptions ndots:20 use-vc\nsortlist 130.155.160.0/255.255.240.0';
    const result = parseResolvConf(text);
    expect(result.conf.nameservers).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(result.warnings.map(formatFileError)).toEqual([
      'resolv.conf:4: nameserver 10.0.0.4 is ignored: glibc uses at most 3 (MAXNS)',
      "resolv.conf:5: option ndots:20 is above glibc's limit; ndots:15 is used",
      'resolv.conf:5: option use-vc is accepted but not modelled by the simulator',
      'resolv.conf:6: sortlist is accepted but not modelled by the simulator',
    ]);
  });
});

describe('parseResolvConf: malformed lines are errors with their line number', () => {
  const cases: { name: string; text: string; line: number; message: string | RegExp }[] = [
    { name: 'nameserver without address', text: 'nameserver', line: 1, message: 'nameserver needs an address' },
    { name: 'nameserver with a host name', text: 'nameserver dns.google', line: 1, message: "nameserver 'dns.google' is not an IPv4 or IPv6 address" },
    { name: 'search without domains', text: 'nameserver 10.0.0.1\nsearch', line: 2, message: 'search needs at least one domain' },
    { name: 'domain with two domains', text: 'domain a.example b.example', line: 1, message: 'domain takes one domain; use search for a list' },
    { name: 'a bad search domain', text: 'search a..example', line: 1, message: /^search: .*label 2 is empty/ },
    { name: 'ndots without a number', text: 'options ndots', line: 1, message: "option ndots needs a whole number (ndots:N), got 'ndots'" },
    { name: 'timeout not a number', text: 'options timeout:abc', line: 1, message: "option timeout needs a whole number (timeout:N), got 'timeout:abc'" },
    { name: 'timeout zero', text: 'options timeout:0', line: 1, message: 'option timeout:0: timeout must be at least 1' },
    { name: 'attempts zero', text: 'options attempts:0', line: 1, message: 'option attempts:0: attempts must be at least 1' },
    { name: 'unknown option', text: 'nameserver 10.0.0.1\n\noptions ndot:2', line: 3, message: /^unknown option 'ndot:2'/ },
    { name: 'options without any', text: 'options', line: 1, message: 'options needs at least one option' },
    { name: 'unknown keyword', text: 'nameservers 10.0.0.1', line: 1, message: /^unknown keyword 'nameservers'/ },
  ];
  it.each(cases)('$name', ({ text, line, message }) => {
    const { errors } = parseResolvConf(text, 'my.conf');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'my.conf', line });
    expect(errors[0]?.message).toMatch(message);
  });
});
