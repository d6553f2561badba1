import { describeLocations } from '../../app/locations.js';
import type { CliContext } from '../context.js';
import { parseCommand } from '../parse-flags.js';
import { PATHS } from '../table/card-commands.js';

/** `swelearn paths`: where cards are read from, and where progress, caches and the config file are kept. */
export async function runPaths(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(PATHS, argv);
  const locations = describeLocations(ctx.environment);
  if (args.has('json')) {
    ctx.out(`${JSON.stringify(Object.fromEntries(locations.map(({ label, path }) => [label.replace(/\W+/g, '_'), path])), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...locations.map(({ label }) => label.length));
  for (const { label, path, exists } of locations) ctx.out(`${label.padEnd(width)}  ${path}${exists ? '' : '  (not created yet)'}\n`);
  ctx.out(`\nCards load in this order; a later card with an id already taken is skipped.\nSet SWELEARN_HOME to keep cards, progress, caches and the config file under another folder.\nswelearn config shows the settings and where each one came from.\n`);
  return 0;
}
