import type { CardProblem } from '../core/cards/types.js';
import { SCENARIO_IDS } from '../core/dns-sim/scenarios/scenario-ids.js';
import { resolveDataPaths } from '../io/data-paths.js';
import { loadCards, type CardSource, type LoadedCards } from '../io/load-cards.js';
import { bundledContentDir } from '../io/package-paths.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';

/** The card folders in load order: bundled, each --content folder, then the user's own. */
export function cardSources(ctx: CliContext): CardSource[] {
  return [
    { dir: bundledContentDir(), origin: 'bundled' },
    ...ctx.contentDirs.map((dir) => ({ dir, origin: 'content' as const })),
    { dir: resolveDataPaths(ctx.env).userCards, origin: 'user', optional: true },
  ];
}

/** Loads every card for a command, printing each error (never warnings) to stderr and continuing. */
export async function loadCardsForCommand(ctx: CliContext): Promise<LoadedCards> {
  const loaded = await loadCards(cardSources(ctx), { cacheDir: resolveDataPaths(ctx.env).cache, scenarioIds: new Set(SCENARIO_IDS) });
  const missing = loaded.problems.find((problem) => problem.rule === 'folder-missing');
  if (missing) throw new UserError(`card folder ${missing.path} ${missing.message}`);
  for (const problem of loaded.problems) if (problem.level === 'error') ctx.err(`${formatProblem(problem)} (card skipped)\n`);
  return loaded;
}

/** `path:line: level rule: message`, the shape compilers use so editors can jump to it. */
export function formatProblem(problem: CardProblem): string {
  const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
  return `${where}: ${problem.level} ${problem.rule}: ${problem.message}`;
}
