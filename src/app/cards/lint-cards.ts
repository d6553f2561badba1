import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { stripControl } from '../../core/text/sanitize.js';
import type { CardProblem } from '../../core/cards/types.js';
import { SCENARIO_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import { lintQuizItems } from '../../core/quiz/items/lint-items.js';
import { loadGlossary } from '../../io/glossary-file.js';
import { loadCards, type CardSource } from '../../io/load-cards.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';
import { cardSources } from './card-library.js';

/** What `lint` found: every problem in the folders checked, and how many card files were read there. */
export interface LintReport {
  problems: CardProblem[];
  /** Card files checked: those that loaded plus those with an error. */
  filesChecked: number;
}

/**
 * Checks card folders, or every folder of the run when none is named. Named folders are checked
 * against the bundled cards too, so their related links can resolve; the parse cache is not used.
 */
export async function lintCardFolders(environment: AppEnvironment, dirs: readonly string[]): Promise<LintReport> {
  const targets = dirs.map((dir) => environment.resolvePath(dir));
  const sources: CardSource[] = targets.length
    ? dedupe([{ dir: environment.bundledCardsDir(), origin: 'bundled' }, ...targets.map((dir) => ({ dir, origin: 'content' as const }))])
    : cardSources(environment);
  const loaded = await loadCards(sources, { scenarioIds: new Set(SCENARIO_IDS) });
  const missing = loaded.problems.find((problem) => problem.rule === 'folder-missing');
  if (missing) throw new UserError(`cannot lint ${stripControl(missing.path)}: ${missing.message}`);
  const inTargets = (path: string) => targets.length === 0 || targets.some((dir) => isWithin(path, dir));
  const glossary = loadGlossary(sources.map((source) => source.dir));
  const problems = [...loaded.problems, ...glossary.problems, ...lintQuizItems(loaded.cards)].filter((problem) => inTargets(problem.path));
  const loadedFiles = loaded.cards.filter((card) => inTargets(card.path)).length;
  const failedFiles = new Set(problems.filter((problem) => problem.level === 'error' && problem.path.endsWith('.md')).map((problem) => problem.path)).size;
  return { problems, filesChecked: loadedFiles + failedFiles };
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
