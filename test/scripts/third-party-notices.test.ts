import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thirdPartyNotices } from '../../scripts/third-party-notices.mjs';
import { readBuildMetafile } from '../cli/build-metafile.js';
import { ROOT } from '../cli/run-cli.js';

const RULE = `\n\n${'-'.repeat(78)}\n\n`;

/** The notices' entries after the introduction: the first line ("name version"), the licence id and the rest. */
function entriesOf(notices: string): { title: string; licence: string; body: string }[] {
  return notices.split(RULE).slice(1).map((entry) => {
    const [title = '', licence = '', ...body] = entry.split('\n');
    return { title, licence: licence.replace(/^Licence: /, ''), body: body.join('\n').trim() };
  });
}

/** A package under root/node_modules with a package.json and the given files. */
function fakePackage(root: string, manifest: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = join(root, 'node_modules', manifest.name as string);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return `node_modules/${manifest.name as string}/index.js`;
}
const metafileOf = (...inputs: string[]) => ({ outputs: { 'dist/x.js': { inputs: Object.fromEntries(inputs.map((input) => [input, { bytesInOutput: 1 }])) } } }) as never;

describe('the third-party notices', () => {
  const notices = readFileSync(join(ROOT, 'dist', 'THIRD_PARTY_NOTICES.txt'), 'utf8');

  it('list every package with a file in any bundle of dist/, once, in order, with its licence id and text', () => {
    // Found here from the metafile's file paths, independently of the generator.
    const bundled = new Set<string>();
    for (const { inputs } of Object.values(readBuildMetafile().outputs)) {
      for (const input of Object.keys(inputs)) {
        const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
        if (!dir || input.includes(':')) continue;
        const { name, version } = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; version: string };
        bundled.add(`${name} ${version}`);
      }
    }
    expect(bundled).toContain('ink 6.8.0');
    const entries = entriesOf(notices);
    const byName = (a: string, b: string) => (a.split(' ')[0]! < b.split(' ')[0]! ? -1 : a.split(' ')[0]! > b.split(' ')[0]! ? 1 : 0);
    expect(entries.map(({ title }) => title)).toEqual([...bundled].sort((a, b) => byName(a, b) || (a < b ? -1 : 1)));
    for (const { title, licence, body } of entries) {
      expect(licence, title).toMatch(/^(MIT|ISC|BSD-[23]-Clause|Apache-2\.0|0BSD)$/);
      expect(body.length, title).toBeGreaterThan(licence === 'MIT' && /no licence file/.test(body) ? 0 : 200);
    }
  });

  it('carry the licence files themselves, and say so where a package has none', () => {
    const highlight = entriesOf(notices).find(({ title }) => title.startsWith('highlight.js '));
    expect(highlight?.body).toMatch(/^LICENSE:\n\nBSD 3-Clause License\n\nCopyright \(c\) 2006, Ivan Sagalaev/);
    const yoga = entriesOf(notices).find(({ title }) => title.startsWith('yoga-layout '));
    expect(yoga?.body).toMatch(/^The package ships no licence file; the licence is the "license" field of its package.json\./);
  });

  it('hold no path of the machine that built them', () => {
    expect(notices).not.toContain(ROOT);
    expect(notices).not.toMatch(/node_modules/);
  });

  it('are the same text however often they are made', () => {
    expect(thirdPartyNotices(readBuildMetafile(), ROOT, 'swelearn 0.2.0')).toBe(thirdPartyNotices(readBuildMetafile(), ROOT, 'swelearn 0.2.0'));
    expect(notices).toBe(thirdPartyNotices(readBuildMetafile(), ROOT, `swelearn ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}`));
  });

  it('fail for a bundled package with no licence at all, and take the package.json licence where there is no file', () => {
    const root = mkdtempSync(join(tmpdir(), 'swelearn-notices-'));
    const unlicensed = fakePackage(root, { name: 'no-licence', version: '1.0.0' });
    const fieldOnly = fakePackage(root, { name: 'field-only', version: '2.0.0', license: 'ISC', author: 'A. Author' });
    const withFile = fakePackage(root, { name: '@scope/with-file', version: '3.0.0' }, { 'LICENCE.md': 'Copyright A. Author\r\n' });
    expect(() => thirdPartyNotices(metafileOf(withFile, unlicensed), root, 'x')).toThrow('no-licence 1.0.0 is bundled but has no licence: no LICENSE, LICENCE, COPYING or NOTICE file and no "license" in its package.json');
    expect(entriesOf(thirdPartyNotices(metafileOf(fieldOnly, withFile), root, 'x'))).toEqual([
      { title: '@scope/with-file 3.0.0', licence: 'not declared in its package.json; see the text below', body: 'LICENCE.md:\n\nCopyright A. Author' },
      { title: 'field-only 2.0.0', licence: 'ISC', body: 'The package ships no licence file; the licence is the "license" field of its package.json.\nAuthor (package.json): A. Author' },
    ]);
  });
});
