import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveDataPaths } from '../../io/data-paths.js';
import { bundledContentDir, bundledWorldDir } from '../../io/package-paths.js';
import type { CliContext } from '../context.js';
import { usageOf } from '../help.js';
import { parseFlags } from '../parse-flags.js';

/** `swelearn paths`: where cards are read from, and where progress and caches are kept. */
export async function runPaths(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(argv, { json: { type: 'boolean' } }, usageOf('paths'));
  const data = resolveDataPaths(ctx.env);
  const entries: [string, string][] = [
    ['bundled cards', bundledContentDir()],
    ...ctx.contentDirs.map((dir): [string, string] => ['--content cards', resolve(ctx.cwd, dir)]),
    ['your cards', data.userCards],
    ['progress', data.progress],
    ['cache', data.cache],
    ['simulator world', bundledWorldDir()],
  ];
  if (values.json) {
    ctx.out(`${JSON.stringify(Object.fromEntries(entries.map(([label, path]) => [label.replace(/\W+/g, '_'), path])), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...entries.map(([label]) => label.length));
  for (const [label, path] of entries) ctx.out(`${label.padEnd(width)}  ${path}${existsSync(path) ? '' : '  (not created yet)'}\n`);
  ctx.out(`\nCards load in this order; a later card with an id already taken is skipped.\nSet SWELEARN_HOME to keep cards, progress and caches under another folder.\n`);
  return 0;
}
