import { describe, expect, it } from 'vitest';
import { parseHostsFile } from '../../../../src/core/dns-sim/world/hosts-file.js';

describe('parseHostsFile', () => {
  it('reads address, canonical name and aliases; # starts a comment anywhere', () => {
    const text = '# static table\n127.0.0.1\tlocalhost\n::1 localhost ip6-localhost # loopback\n\n192.0.2.9 Printer.Example.COM. printer\n';
    expect(parseHostsFile(text)).toEqual({
      entries: [
        { address: '127.0.0.1', names: ['localhost'], source: 'hosts:2' },
        { address: '::1', names: ['localhost', 'ip6-localhost'], source: 'hosts:3' },
        { address: '192.0.2.9', names: ['printer.example.com', 'printer'], source: 'hosts:5' },
      ],
      errors: [],
    });
  });

  const cases = [
    { name: 'bad address', text: 'localhost 127.0.0.1', message: "'localhost' is not an IPv4 or IPv6 address" },
    { name: 'address without names', text: '10.0.0.1', message: 'address 10.0.0.1 needs at least one host name after it' },
    { name: 'bad name', text: '10.0.0.1 a..b', message: /label 2 is empty/ },
  ];
  it.each(cases)('$name is an error on its line, and later lines still load', ({ text, message }) => {
    const result = parseHostsFile(`127.0.0.1 localhost\n${text}\n10.0.0.2 ok`);
    expect(result.errors.map((e) => [e.file, e.line])).toEqual([['hosts', 2]]);
    expect(result.errors[0]?.message).toMatch(message);
    expect(result.entries.map((e) => e.address)).toEqual(['127.0.0.1', '10.0.0.2']);
  });
});
