// Keeps learners' history when bundled key points are rewritten: maps each key point's id at a git
// ref to its id now, point by point in order, and adds the changed ones to content/renames/key-points.tsv.
// Usage: node scripts/item-renames.mjs <git-ref> [cards folder, default content/dns]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const [ref, folder = 'content/dns'] = process.argv.slice(2);
if (!ref) {
  console.error('usage: node scripts/item-renames.mjs <git-ref> [cards folder]');
  process.exit(2);
}
const table = join(root, 'content/renames/key-points.tsv');

// Inside the project, so the bundle's imports of marked resolve from its node_modules.
const entry = join(root, 'node_modules', '.cache', `swelearn-item-ids-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `export { splitSections, listItemsOf } from './src/core/cards/sections.ts';
      export { parsePointText } from './src/core/quiz/items/point-text.ts';
      export { splitQuizMarkup } from './src/core/quiz/items/quiz-markup.ts';
      export { itemIdFor, disambiguateIds } from './src/core/quiz/items/item-id.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'esm', outfile: entry, packages: 'external', logLevel: 'error',
});
const core = await import(pathToFileURL(entry).href);
rmSync(entry);

// The ids of a card's key points, in order, as the quiz makes them (the quiz comment is not part of the text).
function keyPointIds(cardId, text) {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const section = core.splitSections(body, 1).find((s) => s.kind === 'key-points');
  if (!section) return [];
  const texts = core.listItemsOf(section).map((point) => core.parsePointText(core.splitQuizMarkup(point.markdown).markdown).text).filter(Boolean);
  return core.disambiguateIds(texts.map((t) => core.itemIdFor(cardId, 'kp', t)));
}

const existing = existsSync(table) ? readFileSync(table, 'utf8').split('\n').filter((line) => line && line !== 'old\tnew') : [];
const known = new Set(existing.map((line) => line.split('\t')[0]));
const added = [];
let problems = 0;
for (const name of readdirSync(join(root, folder)).filter((n) => n.endsWith('.md')).sort()) {
  const path = relative(root, join(root, folder, name));
  let before;
  try {
    before = execFileSync('git', ['show', `${ref}:${path}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    continue; // a card that did not exist at the ref has no history to carry
  }
  const cardId = basename(name, '.md');
  const oldIds = keyPointIds(cardId, before);
  const newIds = keyPointIds(cardId, readFileSync(join(root, path), 'utf8'));
  if (oldIds.length !== newIds.length) {
    console.error(`${path}: ${oldIds.length} key points at ${ref}, ${newIds.length} now: map this card by hand`);
    problems++;
    continue;
  }
  oldIds.forEach((id, i) => {
    if (id !== newIds[i] && !known.has(id)) added.push(`${id}\t${newIds[i]}`);
  });
}
writeFileSync(table, ['old\tnew', ...existing, ...added].join('\n') + '\n');
console.log(`${added.length} renames added to ${relative(root, table)}${problems ? `; ${problems} card(s) need mapping by hand` : ''}`);
process.exitCode = problems ? 1 : 0;
