import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { SCENARIO_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import type { CardProblem } from '../../core/cards/types.js';
import { loadCards, type CardSource } from '../../io/load-cards.js';
import { bundledContentDir } from '../../io/package-paths.js';
import type { CliContext } from '../context.js';
import { UserError } from '../errors.js';
import { usageOf } from '../help.js';
import { cardSources, formatProblem } from '../load.js';
import { parseFlags } from '../parse-flags.js';

/** `swelearn lint [DIR...]`: checks card folders; exit 1 when any card has an error. */
export async function runLint(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseFlags(argv, {}, usageOf('lint'));
  const targets = positionals.map((dir) => resolve(ctx.cwd, dir));
  // Named folders are linted against the bundled cards too, so their related links can resolve.
  const sources: CardSource[] = targets.length
    ? dedupe([{ dir: bundledContentDir(), origin: 'bundled' }, ...targets.map((dir) => ({ dir, origin: 'content' as const }))])
    : cardSources(ctx);
  const loaded = await loadCards(sources, { scenarioIds: new Set(SCENARIO_IDS) });
  const missing = loaded.problems.find((problem) => problem.rule === 'folder-missing');
  if (missing) throw new UserError(`cannot lint ${missing.path}: ${missing.message}`);
  const inTargets = (problem: CardProblem) => targets.length === 0 || targets.some((dir) => isWithin(problem.path, dir));
  const problems = loaded.problems.filter(inTargets);
  const checked = loaded.cards.filter((card) => targets.length === 0 || targets.some((dir) => isWithin(card.path, dir))).length;
  for (const problem of problems) ctx.out(`${formatProblem(problem)}\n`);
  const errors = problems.filter((problem) => problem.level === 'error').length;
  const warnings = problems.length - errors;
  const failed = new Set(problems.filter((problem) => problem.level === 'error').map((problem) => problem.path)).size;
  ctx.out(`${checked + failed} card file${checked + failed === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors > 0 ? 1 : 0;
}

function dedupe(sources: CardSource[]): CardSource[] {
  const seen = new Set<string>();
  return sources.filter((source) => {
    const key = safeRealpath(source.dir);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isWithin(path: string, dir: string): boolean {
  const real = safeRealpath(dir);
  const full = resolve(path);
  return full === dir || full.startsWith(dir + sep) || full === real || full.startsWith(real + sep);
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
