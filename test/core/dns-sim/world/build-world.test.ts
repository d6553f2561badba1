import { describe, expect, it } from 'vitest';
import { buildWorld } from '../../../../src/core/dns-sim/world/build-world.js';
import { parseZoneFile } from '../../../../src/core/dns-sim/world/zone-file.js';
import type { ResolverConfig, ServerSpec, Zone } from '../../../../src/core/dns-sim/world/world.js';

/** Parses zone texts keyed by origin; each gets an SOA and a $TTL so only the case's point differs. */
function zones(texts: Record<string, string>): Zone[] {
  return Object.entries(texts).map(([origin, body]) => {
    const file = `${origin === '.' ? 'root' : origin}.zone`;
    const soa = body.startsWith('NO-SOA') ? '' : '@ SOA ns hostmaster 1 2 3 4 5\n';
    const result = parseZoneFile(`$TTL 300\n${soa}${body.replace('NO-SOA', '')}`, { file, origin });
    expect(result.errors).toEqual([]);
    return result.zone;
  });
}

const ROOT = '@ NS a.root.\na.root. A 198.41.0.4\n';
const server = (name: string, address: string, zoneList: string[]): ServerSpec => ({ name, address, zones: zoneList, behaviour: 'up' });
const ROOT_SERVER = server('a.root', '198.41.0.4', ['']);
const codes = (z: Zone[], servers: ServerSpec[] = [ROOT_SERVER]): string[] => buildWorld(z, { servers }).warnings.map((w) => w.code).sort();

describe('buildWorld: root hints', () => {
  it('come from the root apex NS and their glue, IPv4 first', () => {
    const world = buildWorld(zones({ '.': '@ NS a.root.\n@ NS b.root.\na.root. AAAA 2001:db8::1\na.root. A 198.41.0.4\nb.root. A 199.9.14.201\n' }), { servers: [] });
    expect(world.rootHints).toEqual([
      { name: 'a.root', address: '198.41.0.4' },
      { name: 'b.root', address: '199.9.14.201' },
      { name: 'a.root', address: '2001:db8::1' },
    ]);
  });

  it('fall back to an address outside the root zone, with a warning', () => {
    const world = buildWorld(zones({ '.': '@ NS ns.root-servers.net.\nnet. NS ns.root-servers.net.\n', net: '@ NS ns.root-servers.net.\nns.root-servers A 198.41.0.4\n' }), { servers: [] });
    expect(world.rootHints).toEqual([{ name: 'ns.root-servers.net', address: '198.41.0.4' }]);
    expect(world.warnings.map((w) => w.code)).toContain('root-hint-no-glue');
  });

  it('are empty without a root zone, with a warning', () => {
    const world = buildWorld(zones({ com: '@ NS a.gtld.\n' }), { servers: [] });
    expect(world.rootHints).toEqual([]);
    expect(world.warnings.map((w) => w.code)).toContain('no-root-zone');
  });
});

describe('buildWorld: warnings for impossible worlds (never throws)', () => {
  const cases: { name: string; texts: Record<string, string>; servers?: ServerSpec[]; expected: string[] }[] = [
    { name: 'a consistent world has none', texts: { '.': `${ROOT}com. NS a.gtld.com.\na.gtld.com. A 192.5.6.30\n`, com: '@ NS a.gtld\na.gtld A 192.5.6.30\n' }, servers: [ROOT_SERVER, server('a.gtld.com', '192.5.6.30', ['com'])], expected: [] },
    { name: 'CNAME beside other data', texts: { '.': `${ROOT}www CNAME a.root.\nwww TXT "x"\n` }, expected: ['cname-and-other-data'] },
    { name: 'CNAME at the apex (beside SOA and NS)', texts: { '.': `${ROOT}@ CNAME a.root.\n` }, expected: ['cname-and-other-data'] },
    { name: 'two CNAMEs at one name', texts: { '.': `${ROOT}www CNAME a.root.\nwww CNAME b.root.\n` }, expected: ['multiple-cname'] },
    { name: 'missing SOA at the apex', texts: { '.': `NO-SOA${ROOT}` }, expected: ['missing-soa'] },
    { name: 'two SOAs at the apex', texts: { '.': `${ROOT}@ SOA ns hostmaster 2 2 3 4 5\n` }, expected: ['multiple-soa'] },
    { name: 'SOA below the apex', texts: { '.': `${ROOT}sub SOA ns hostmaster 1 2 3 4 5\n` }, expected: ['soa-outside-apex'] },
    { name: 'no NS at the apex (so no root hints either)', texts: { '.': 'x A 192.0.2.1\n' }, expected: ['missing-apex-ns', 'no-root-hints'] },
    { name: 'a zone without a delegation in its parent', texts: { '.': ROOT, com: '@ NS a.root.\n' }, servers: [server('a.root', '198.41.0.4', ['', 'com'])], expected: ['missing-delegation'] },
    { name: 'an NS name with no address anywhere', texts: { '.': `${ROOT}com. NS ns.nowhere.\n`, com: '@ NS ns.nowhere.\n' }, servers: [server('a.root', '198.41.0.4', ['', 'com'])], expected: ['ns-no-address'] },
    { name: 'an in-zone NS name without glue', texts: { '.': `${ROOT}com. NS ns.com.\n`, com: '@ NS ns\nns A 192.0.2.1\n' }, servers: [ROOT_SERVER, server('ns.com', '192.0.2.1', ['com'])], expected: ['missing-glue'] },
    {
      name: 'a delegation loop between two zones without glue',
      texts: { '.': `${ROOT}a. NS ns.b.\nb. NS ns.a.\n`, a: '@ NS ns.b.\nns A 192.0.2.1\n', b: '@ NS ns.a.\nns A 192.0.2.2\n' },
      servers: [ROOT_SERVER, server('ns.a', '192.0.2.1', ['a', 'b']), server('ns.b', '192.0.2.2', ['a', 'b'])],
      expected: ['delegation-loop'],
    },
    {
      name: 'glue breaks what would be a loop',
      texts: { '.': `${ROOT}a. NS ns.b.\nb. NS ns.a.\nns.a. A 192.0.2.1\n`, a: '@ NS ns.b.\nns A 192.0.2.1\n', b: '@ NS ns.a.\nns A 192.0.2.2\n' },
      servers: [ROOT_SERVER, server('ns.a', '192.0.2.1', ['a', 'b']), server('ns.b', '192.0.2.2', ['a', 'b'])],
      expected: [],
    },
    {
      name: 'a zone whose only name server lives in an undelegated zone',
      texts: { '.': `${ROOT}a. NS ns.c.\n`, a: '@ NS ns.c.\n', c: '@ NS ns\nns A 192.0.2.3\n' },
      servers: [ROOT_SERVER, server('ns.c', '192.0.2.3', ['a', 'c'])],
      expected: ['missing-delegation', 'zone-unreachable'],
    },
    {
      name: 'a loop through three zones',
      texts: { '.': `${ROOT}a. NS ns.b.\nb. NS ns.c.\nc. NS ns.a.\n`, a: '@ NS ns.b.\nns A 192.0.2.1\n', b: '@ NS ns.c.\nns A 192.0.2.2\n', c: '@ NS ns.a.\nns A 192.0.2.3\n' },
      servers: [ROOT_SERVER, server('ns.a', '192.0.2.1', ['a', 'b', 'c']), server('ns.b', '192.0.2.2', ['a', 'b', 'c']), server('ns.c', '192.0.2.3', ['a', 'b', 'c'])],
      expected: ['delegation-loop'],
    },
    { name: 'a server for a zone no file defines', texts: { '.': ROOT }, servers: [server('a.root', '198.41.0.4', ['', 'org'])], expected: ['server-zone-undefined'] },
    { name: 'a zone no server serves', texts: { '.': `${ROOT}com. NS a.root.\n`, com: '@ NS a.root.\n' }, expected: ['lame-delegation', 'zone-unserved'] },
    { name: 'an NS address that is no server', texts: { '.': ROOT }, servers: [server('other', '192.0.2.99', [''])], expected: ['ns-address-no-server'] },
    { name: 'a lame delegation', texts: { '.': `${ROOT}com. NS a.root.\n`, com: '@ NS a.root.\n' }, servers: [ROOT_SERVER, server('b', '192.0.2.8', ['com'])], expected: ['lame-delegation'] },
  ];
  it.each(cases)('$name', ({ texts, servers, expected }) => {
    expect(codes(zones(texts), servers)).toEqual(expected);
  });

  it.each<[string, ResolverConfig]>([
    ['a forward zone', { forwardZones: [{ zone: 'cluster.local', addresses: ['10.96.0.10'] }], stubZones: [] }],
    ['a stub zone above it', { forwardZones: [], stubZones: [{ zone: 'local', addresses: ['10.96.0.10'] }] }],
  ])('needs no delegation for a private zone the resolver reaches through %s', (_name, config) => {
    const texts = { '.': ROOT, 'cluster.local': '@ NS ns.dns\nns.dns A 10.96.0.10\n' };
    const servers = [ROOT_SERVER, server('coredns', '10.96.0.10', ['cluster.local'])];
    expect(buildWorld(zones(texts), { servers, resolverConfig: config }).warnings.map((w) => w.code)).toEqual([]);
    expect(codes(zones(texts), servers)).toEqual(['missing-delegation']);
  });

  it('reports a duplicate zone and keeps the first file', () => {
    const [root] = zones({ '.': ROOT });
    const copy: Zone = { ...(root as Zone), file: 'copy.zone', records: [] };
    const world = buildWorld([root as Zone, copy], { servers: [ROOT_SERVER] });
    expect(world.zones).toEqual([root]);
    expect(world.warnings.map((w) => [w.code, w.source])).toEqual([['duplicate-zone', 'copy.zone']]);
  });

  it('names both zones of a delegation loop and where the CNAME was written', () => {
    const loop = buildWorld(zones({ '.': `${ROOT}a. NS ns.b.\nb. NS ns.a.\n`, a: '@ NS ns.b.\nns A 192.0.2.1\n', b: '@ NS ns.a.\nns A 192.0.2.2\n' }), { servers: [] });
    expect(loop.warnings.find((w) => w.code === 'delegation-loop')?.message).toBe(
      "delegation loop: a's name servers (ns.b) are in b, and b's name servers (ns.a) are in a; no glue breaks the cycle, so a resolver can reach none of them",
    );
    const cname = buildWorld(zones({ '.': `${ROOT}www CNAME a.root.\nwww A 192.0.2.1\n` }), { servers: [ROOT_SERVER] });
    expect(cname.warnings[0]).toMatchObject({ code: 'cname-and-other-data', source: 'root.zone:5' });
  });

  it('carries the resolver, resolv.conf and hosts through', () => {
    const resolvConf = { nameservers: ['10.0.0.53'], search: [], ndots: 1, timeoutSeconds: 5, attempts: 2, rotate: false, singleRequest: false, edns0: false };
    const hosts = [{ address: '127.0.0.1', names: ['localhost'] }];
    const world = buildWorld(zones({ '.': ROOT }), { resolver: { name: 'r', address: '10.0.0.53' }, servers: [ROOT_SERVER] }, { resolvConf, hosts });
    expect([world.resolver, world.resolvConf, world.hosts, world.servers]).toEqual([{ name: 'r', address: '10.0.0.53' }, resolvConf, hosts, [ROOT_SERVER]]);
  });
});
