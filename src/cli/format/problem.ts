import type { CardProblem } from '../../core/cards/types.js';

/** `path:line: level rule: message`, the shape compilers use so editors can jump to it. */
export function formatProblem(problem: CardProblem): string {
  const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
  return `${where}: ${problem.level} ${problem.rule}: ${problem.message}`;
}
