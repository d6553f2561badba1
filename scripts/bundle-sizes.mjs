// `node scripts/bundle-sizes.mjs` after a build: the bytes each package (or src/ folder) adds to
// dist/, biggest first, and how many of them are a second copy of a module another file of dist/ holds.
import { readFileSync } from 'node:fs';

const { outputs } = JSON.parse(readFileSync(new URL('../.build/metafile.json', import.meta.url), 'utf8'));
const ownerOf = (input) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? /^src\/(?:core\/)?[^/]+/.exec(input)?.[0] ?? input;
const owners = new Map();
const seen = new Set();
for (const { inputs } of Object.values(outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const owner = owners.get(ownerOf(input)) ?? { bytes: 0, copies: 0 };
    owner.bytes += bytesInOutput;
    if (seen.has(input)) owner.copies += bytesInOutput;
    seen.add(input);
    owners.set(ownerOf(input), owner);
  }
}
const kb = (bytes) => `${(bytes / 1024).toFixed(0).padStart(6)} KB`;
console.log(`${kb([...owners.values()].reduce((sum, { bytes }) => sum + bytes, 0))}  dist/ in all`);
for (const [name, { bytes, copies }] of [...owners].sort((a, b) => b[1].bytes - a[1].bytes)) {
  if (bytes >= 1024) console.log(`${kb(bytes)}  ${name}${copies > 0 ? `, of which ${(copies / 1024).toFixed(0)} KB is a second copy` : ''}`);
}
