// The notices of the code bundled into dist/: esbuild's metafile says which files went in, and each
// package they come from is listed with its version, its licence and the licence text it ships
// (LICENSE, LICENCE, COPYING or NOTICE files), because legalComments: 'none' drops the copyright
// headers from the bundles themselves. Sorted by name, with no path but the licence file's name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;
const RULE = '-'.repeat(78);

/** The folders (relative to root) of the packages with at least one file in any output of the metafile. */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const { inputs } of Object.values(metafile.outputs)) {
    for (const input of Object.keys(inputs)) {
      // Inputs from a plugin's namespace (vendored:yaml, empty:ink-devtools) are not files of a package.
      const dir = /^[\w-]+:/.test(input) ? undefined : PACKAGE_DIR.exec(input.replaceAll('\\', '/'))?.[1];
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs];
}

const licenceId = ({ license, licenses }) => {
  if (typeof license === 'string') return license;
  if (license?.type) return license.type;
  if (Array.isArray(licenses)) return licenses.map((entry) => entry.type ?? entry).join(' OR ');
  return undefined;
};

/** One package's notice; throws when the package has neither a licence file nor a licence in its package.json. */
function noticeOf(root, dir) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const files = readdirSync(join(root, dir)).filter((name) => LICENCE_FILE.test(name)).sort();
  const id = licenceId(manifest);
  const title = `${manifest.name} ${manifest.version}`;
  if (files.length === 0 && !id) throw new Error(`${title} is bundled but has no licence: no LICENSE, LICENCE, COPYING or NOTICE file and no "license" in its package.json`);
  const lines = [title, `Licence: ${id ?? 'not declared in its package.json; see the text below'}`];
  if (files.length === 0) {
    lines.push(`The package ships no licence file; the licence is the "license" field of its package.json.`);
    if (manifest.author) lines.push(`Author (package.json): ${typeof manifest.author === 'string' ? manifest.author : manifest.author.name}`);
  }
  for (const file of files) lines.push('', `${file}:`, '', readFileSync(join(root, dir, file), 'utf8').replace(/\r\n?/g, '\n').trimEnd());
  return { name: manifest.name, version: manifest.version, text: lines.join('\n') };
}

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The text of THIRD_PARTY_NOTICES.txt for the packages bundled per the metafile, read from root. */
export function thirdPartyNotices(metafile, root, product) {
  // By name, then version; two folders holding the same name and version give one notice.
  const notices = new Map(bundledPackageDirs(metafile).map((dir) => noticeOf(root, dir)).map((notice) => [`${notice.name} ${notice.version}`, notice]));
  const sorted = [...notices.values()].sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.version, b.version)).map(({ text }) => text);
  const intro = `Third-party software in ${product}\n\nThe bundles in dist/ contain code from the ${sorted.length} packages below, each listed with its\nversion, its licence and the licence text it ships with.`;
  return `${[intro, ...sorted].join(`\n\n${RULE}\n\n`)}\n`;
}
