import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, symlink, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorldFolder, WorldLoadError } from '../../src/io/world-folder.js';
import { formatFileError } from '../../src/core/dns-sim/world/file-error.js';

const fixture = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'worlds', name);
const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A scratch copy of a fixture world that a test may change. */
async function scratch(from = 'basic'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'swelearn-world-'));
  temps.push(dir);
  await cp(fixture(from), dir, { recursive: true });
  return dir;
}

async function loadErrors(dir: string): Promise<string[]> {
  try {
    await loadWorldFolder(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(WorldLoadError);
    return (error as WorldLoadError).errors.map(formatFileError);
  }
  throw new Error('expected the world to fail to load');
}

describe('loadWorldFolder', () => {
  it('loads a complete world: zones by origin, servers, hints, resolv.conf, hosts, no warnings', async () => {
    const world = await loadWorldFolder(fixture('basic'));
    expect(world.zones.map((zone) => [zone.origin, zone.file, zone.records.length])).toEqual([
      ['com', 'com.zone', 6],
      ['example.com', 'example.com.zone', 14],
      ['', 'root.zone', 8],
    ]);
    expect(world.rootHints).toEqual([
      { name: 'a.root-servers.net', address: '198.41.0.4' },
      { name: 'b.root-servers.net', address: '170.247.170.2' },
      { name: 'a.root-servers.net', address: '2001:503:ba3e::2:30' },
    ]);
    expect(world.servers.map((server) => [server.name, server.behaviour, server.zones])).toEqual([
      ['a.root-servers.net', 'up', ['']],
      ['b.root-servers.net', 'up', ['']],
      ['a.gtld-servers.net', 'up', ['com']],
      ['ns1.example.com', 'up', ['example.com']],
      ['ns2.example.com', 'drop', ['example.com']],
    ]);
    expect(world.resolver).toEqual({ name: 'resolver.isp.net', address: '10.0.0.53' });
    expect(world.resolvConf).toMatchObject({ nameservers: ['10.0.0.53'], search: ['example.com'], ndots: 1, timeoutSeconds: 2, attempts: 3 });
    expect(world.hosts?.map((entry) => entry.names[0])).toEqual(['localhost', 'localhost', 'printer.example.com']);
    expect(world.warnings).toEqual([]);
  });

  it('loads an impossible world with warnings instead of failing', async () => {
    const world = await loadWorldFolder(fixture('impossible'));
    expect(world.warnings.map((warning) => warning.code).sort()).toEqual(['cname-and-other-data', 'delegation-loop', 'ns-no-address']);
    expect(world.warnings.find((warning) => warning.code === 'cname-and-other-data')?.source).toBe('alpha.zone:5');
  });

  it('lists every file:line problem of a broken world in one WorldLoadError', async () => {
    expect(await loadErrors(fixture('broken'))).toEqual([
      'example.com.zone:2: unbalanced parenthesis opened on line 2',
      'example.com.zone:4: MX needs a preference and an exchange',
      "example.com.zone:5: A address '192.0.2.300' is not an IPv4 dotted quad (four numbers 0-255, no leading zeros)",
      'servers.yaml:5: behaviour "down" is not up, drop, refused or unreachable',
      "resolv.conf:2: option ndots needs a whole number (ndots:N), got 'ndots:lots'",
    ]);
  });

  it('the error message carries every problem, one per line', async () => {
    await expect(loadWorldFolder(fixture('broken'))).rejects.toThrow(/5 problems\n {2}example\.com\.zone:2: unbalanced/);
  });

  const folderCases: { name: string; change: (dir: string) => Promise<void>; expected: string[] | RegExp }[] = [
    { name: 'missing servers.yaml', change: (dir) => rm(join(dir, 'servers.yaml')), expected: ['servers.yaml: file is missing'] },
    {
      name: 'no zone files',
      change: async (dir) => {
        for (const file of ['root.zone', 'com.zone', 'example.com.zone']) await rm(join(dir, file));
      },
      expected: ['*.zone: the world has no zone files'],
    },
    { name: 'a file over 1 MiB', change: (dir) => writeFile(join(dir, 'big.zone'), `; ${'x'.repeat(1024 * 1024)}\n`), expected: ['big.zone: is 1.0 MiB; world files are limited to 1 MiB'] },
    { name: 'a symbolic link out of the folder', change: (dir) => symlink('/etc/hosts', join(dir, 'hosts')).catch(async () => { await rm(join(dir, 'hosts')); await symlink('/etc/hosts', join(dir, 'hosts')); }), expected: ['hosts: is a symbolic link to outside the world folder; refused'] },
  ];
  it.each(folderCases)('refuses $name', async ({ change, expected }) => {
    const dir = await scratch();
    await change(dir);
    expect(await loadErrors(dir)).toEqual(expected);
  });

  it('lists the first 50 problems and counts the rest', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'bad.zone'), '$TTL 60\n' + 'x FOO y\n'.repeat(60));
    const error = (await loadWorldFolder(dir).catch((e: unknown) => e)) as WorldLoadError;
    expect(error.errors).toHaveLength(60);
    expect(error.message.split('\n')).toHaveLength(52);
    expect(error.message).toMatch(/\n {2}\.\.\. and 10 more$/);
  });

  it('follows a symbolic link that stays inside the folder', async () => {
    const dir = await scratch();
    await rm(join(dir, 'hosts'));
    await writeFile(join(dir, 'hosts.real'), '10.0.0.9 inside\n');
    await symlink('hosts.real', join(dir, 'hosts'));
    expect((await loadWorldFolder(dir)).hosts?.map((entry) => entry.names)).toEqual([['inside']]);
  });

  it('refuses a folder that does not exist', async () => {
    expect(await loadErrors(join(tmpdir(), 'swelearn-no-such-world'))).toEqual([expect.stringMatching(/cannot open the world folder \(ENOENT\)$/)]);
  });
});
