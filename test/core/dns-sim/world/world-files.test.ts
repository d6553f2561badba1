import { describe, expect, it } from 'vitest';
import { originFromFileName, parseWorldFiles } from '../../../../src/core/dns-sim/world/world-files.js';

describe('originFromFileName', () => {
  const cases = [
    ['root.zone', ''],
    ['com.zone', 'com'],
    ['Example.COM.zone', 'example.com'],
    ['example.com..zone', 'example.com'],
    ['in-addr.arpa.zone', 'in-addr.arpa'],
  ];
  it.each(cases)('%s has origin %j', (file, origin) => {
    expect(originFromFileName(file)).toBe(origin);
  });
});

describe('parseWorldFiles', () => {
  const ROOT = { name: 'root.zone', text: '$TTL 60\n@ SOA a.root. h 1 2 3 4 5\n@ NS a.root.\na.root. A 198.41.0.4\n' };
  const SERVERS = { name: 'servers.yaml', text: 'servers:\n  - name: a.root\n    address: 198.41.0.4\n    zones: ["."]\n' };

  it('builds a world from strings, ignoring files that are not part of a world', () => {
    const { world, errors } = parseWorldFiles([SERVERS, ROOT, { name: 'notes.txt', text: 'ignored' }]);
    expect(errors).toEqual([]);
    expect([world.zones.map((z) => z.origin), world.rootHints, world.warnings]).toEqual([[''], [{ name: 'a.root', address: '198.41.0.4' }], []]);
  });

  it('turns resolv.conf warnings into world warnings with their source line', () => {
    const { world } = parseWorldFiles([SERVERS, ROOT, { name: 'resolv.conf', text: 'nameserver 10.0.0.1\noptions attempts:9\n' }]);
    expect(world.warnings).toEqual([{ code: 'resolv-conf', source: 'resolv.conf:2', message: "option attempts:9 is above glibc's limit; attempts:5 is used" }]);
    expect(world.resolvConf?.attempts).toBe(5);
  });

  it('collects the errors of every file: zone files by name, then servers.yaml, resolv.conf and hosts', () => {
    const { errors } = parseWorldFiles([
      { name: 'servers.yaml', text: 'servers: 3\n' },
      { name: 'hosts', text: 'nope localhost\n' },
      { name: 'b.zone', text: '$TTL 60\n@ MX 10\n' },
      { name: 'a.zone', text: '@ A 192.0.2.1\n' },
    ]);
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(['a.zone:1', 'b.zone:2', 'servers.yaml:1', 'hosts:1']);
  });
});
