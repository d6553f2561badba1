import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryOutputs, reachableFrom, readBuildMetafile } from './build-metafile.js';
import { packTarball, type PackedTarball } from './packed-tarball.js';
import { ROOT } from './run-cli.js';
import { CARD_SEED_FILE } from '../../src/io/card-cache.js';

let pack: PackedTarball;

beforeAll(() => {
  pack = packTarball();
}, 120_000);

const bundledFiles = () => pack.files.filter((file) => file.startsWith('dist/') && /\.c?js$/.test(file));
const shipped = (file: string) => readFileSync(join(pack.unpacked, file), 'utf8');

/** The targets of a Markdown file's relative links, as paths from the package root (fragments dropped). */
function relativeLinks(file: string): string[] {
  const hrefs: string[] = [];
  marked.walkTokens(marked.lexer(shipped(file)), (token) => {
    if (token.type === 'link') hrefs.push(token.href);
  });
  return hrefs.filter((href) => !/^[a-z][\w+.-]*:|^#/i.test(href)).map((href) => posix.normalize(posix.join(posix.dirname(file), decodeURI(href.split('#')[0]!))));
}

describe('the published package', () => {
  it('holds the bundle, the launcher and the content, and no sources, tests or maps', () => {
    expect(pack.files).toContain('bin/swelearn.js');
    // The launcher is CommonJS by its own package.json, so a command starts without Node's ES module loader.
    expect(pack.files).toContain('bin/package.json');
    expect(pack.files).toContain('dist/swelearn.cjs');
    expect(pack.files).toContain('content/dns/negative-caching.md');
    expect(pack.files).toContain('man/swelearn.1');
    expect(pack.files.filter((file) => /^(src|test|bench|scripts|node_modules)\//.test(file))).toEqual([]);
    // The entry file, the parser, simulator, study and app entries with their shared chunks, the config file's YAML parser,
    // the study data the build derived (dist/seed/), and nothing else from dist/.
    const bundles = pack.files.filter((file) => file.startsWith('dist/'));
    // The seed: the bundled cards' items, parsed cards and distractors, and the bundled glossary parsed (named by its text's hash).
    const seed = bundles.filter((file) => /^dist\/seed\/glossary-text-[0-9a-f]{16}\.json$/.test(file));
    expect(seed).toHaveLength(1);
    // And the bundled cards' search index, named by their fingerprint.
    const seedIndex = bundles.filter((file) => /^dist\/seed\/search-index-[0-9a-f]{16}\.bin$/.test(file));
    expect(seedIndex).toHaveLength(1);
    seed.push(...seedIndex);
    expect(bundles.filter((file) => !/^dist\/(sim|parse-card|render-card|chunks\/(cards|sim)-[\w-]+)\.js$|^dist\/(swelearn|start|app\/(open-app|generate-items|make-predict-items)|chunks\/[\w-]+|study\/[\w-]+|vendor\/(yaml|tr46))\.cjs$/.test(file) && !seed.includes(file)).sort()).toEqual(['dist/THIRD_PARTY_NOTICES.txt', 'dist/seed/card-items.json', `dist/seed/${CARD_SEED_FILE}`, 'dist/seed/distractors.json', 'dist/seed/predict-items.json'].sort());
    for (const entry of ['dist/start.cjs', 'dist/swelearn.cjs', 'dist/sim.js', 'dist/study/quiz.cjs', 'dist/study/stats.cjs', 'dist/study/plan.cjs', 'dist/app/open-app.cjs', 'dist/parse-card.js', 'dist/render-card.js']) expect(bundles).toContain(entry);
  });

  it('carries its MIT licence, the notices of the code it bundles, and says where the project lives', () => {
    expect(shipped('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the swelearn authors\n/);
    // test/scripts/third-party-notices.test.ts checks the notices against what the build bundled.
    expect(shipped('dist/THIRD_PARTY_NOTICES.txt')).toBe(readFileSync(join(ROOT, 'dist', 'THIRD_PARTY_NOTICES.txt'), 'utf8'));
    expect(shipped('dist/THIRD_PARTY_NOTICES.txt')).toMatch(/^Third-party software in swelearn \d+\.\d+\.\d+\n/);
    const manifest = JSON.parse(shipped('package.json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ license: 'MIT', homepage: 'https://github.com/swelearn/swelearn#readme', bugs: { url: 'https://github.com/swelearn/swelearn/issues' } });
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/swelearn/swelearn.git' });
  });

  // 893 KB before the measured resolver behaviours (issue 14) added about 15 KB; about 270 KB of it is the simulator
  // bundled twice, for `sim` and for the app, which the performance work (issue 17) is to share.
  // The curriculum's second edition (issue 16: 42 cards instead of 32, every card longer, two more scenarios) took it from
  // 1.252 to 1.425 MB: the cards' Markdown packs to 182 KB instead of 118 KB, and dist/seed/ grew with them; the seed then
  // stopped holding the cards' Markdown a second time (1.33 MB). Issue 17 then bought speed with size: the bundled cards'
  // search index in the seed (cold search 3.4x -> 2.4x of node -e 0) and each study command as one self-contained file
  // (stats loads 2 files instead of 21), about 300 KB packed together: 1.63 MB; the study commands' item summary and
  // code-cache loader brought it to 1.649 MB. The app's scripts turned into CommonJS for the code cache (about 9 KB: each
  // file carries esbuild's interop helpers) and the quiz command in the app build, so a bare `swelearn quiz` in a terminal
  // loads no command bundle (about 17 KB), took it to 1.695 MB, and the next changes to 1.701 MB; lint then took the item
  // generator and the Markdown lexer from the app build instead of packing a third copy (about 17 KB): 1.684 MB. The next
  // change that adds must take something out.
  it('packs to less than 1.7 MB', () => {
    expect(pack.packedBytes).toBeGreaterThan(100_000);
    // dist/seed/ (the bundled cards as parsed, their quiz items, distractors and search index, for a fast first run; issue 17)
    // packs to about 330 KB, dist/study/ (six self-contained study commands) to about 220 KB.
    expect(pack.packedBytes, 'packed bytes; node scripts/bundle-sizes.mjs shows what each package adds to dist/').toBeLessThan(1_700_000);
  });

  it('ships every file that the README and the shipped docs link to', () => {
    const readmeLinks = relativeLinks('README.md');
    expect(readmeLinks).toContain('docs/card-format.md');
    const docs = pack.files.filter((file) => /^docs\/.+\.md$/.test(file));
    const missing = ['README.md', ...docs].flatMap((file) => relativeLinks(file).filter((target) => !pack.files.includes(target)).map((target) => `${file} -> ${target}`));
    expect(missing).toEqual([]);
  });

  it("bundles Ink once, reached only from the app's entry, with the row-cached Output in place of Ink's own and its sanitizer's SGR fast path", () => {
    // Identifiers survive the build's minification: the patch's class is named RowCachedOutput, and
    // Ink's Output keeps its measures in an OutputCaches with a getWidestLine method.
    const inkOwnOutput = readFileSync(join(ROOT, 'node_modules/ink/build/output.js'), 'utf8');
    for (const marker of ['class OutputCaches', 'getWidestLine(']) expect(inkOwnOutput).toContain(marker);
    // Quiz and stats load the app's entry at run time to draw their screens; no other entry reaches Ink.
    const holdsInk = bundledFiles().filter((file) => shipped(file).includes('createNode("ink-root")'));
    expect(holdsInk).toHaveLength(1);
    const metafile = readBuildMetafile();
    expect(entryOutputs(metafile).filter((entry) => reachableFrom(metafile, entry).has(holdsInk[0]!))).toEqual(['dist/app/open-app.cjs']);
    const appText = [...reachableFrom(metafile, 'dist/app/open-app.cjs')].map(shipped).join('\n');
    expect(appText).toMatch(/\bclass RowCachedOutput\b|\bRowCachedOutput=class\b/);
    // Ink's sanitizer returns a text of only SGR escapes at once (the sgr-text-sanitize patch).
    expect(appText).toMatch(/sanitizeAnsi=\(?\w+\)?=>\{if\(onlySgrControls\(\w+\)/);
    for (const file of bundledFiles()) expect([shipped(file).includes('OutputCaches'), shipped(file).includes('getWidestLine')], file).toEqual([false, false]);
  });

  it("leaves gray-matter's js-yaml out of every bundle (package-run.test.ts runs the shipped card parser)", () => {
    expect(Object.keys(readBuildMetafile().inputs).filter((input) => input.includes('node_modules/js-yaml/'))).toEqual([]);
    expect(bundledFiles().filter((file) => shipped(file).includes('node_modules/js-yaml/'))).toEqual([]);
  });

  // Each Node module the entry imports up front is loaded before any command runs; child_process alone costs 1.5 ms,
  // crypto 2 to 5 ms (it loads on the first cache key that needs it: `search` and `list` hash nothing with it).
  it('keeps the entry to the Node modules every command needs, and YAML and the card renderer out of it', () => {
    const entry = readFileSync(join(ROOT, 'dist/swelearn.cjs'), 'utf8');
    const builtins = new Set([...entry.matchAll(/\brequire\(["']node:([\w/]+)["']\)/g)].map((match) => match[1]));
    expect([...builtins].sort()).toEqual(['fs', 'module', 'os', 'path', 'url', 'util']);
    expect(entry).not.toContain('Implicit keys need to be on a single line');
    // Nor the card renderer (marked, highlight.js): show loads dist/render-card.js only when a card's lines are not cached.
    expect(entry).not.toContain('registerLanguage');
    expect(entry).not.toContain('marked');
  });

  it('passes npm publish --dry-run without a warning', () => {
    const run = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: ROOT, env: pack.npmEnv, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect((run.stdout + run.stderr).split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
  }, 120_000);
});
