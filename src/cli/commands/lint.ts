import type { CliContext } from '../context.js';
import { formatProblem } from '../format/problem.js';
import { parseCommand } from '../parse-flags.js';
import { LINT } from '../table/card-commands.js';

/** `swelearn lint [DIR...]`: checks card folders; exit 1 when any card has an error. */
export async function runLint(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parseCommand(LINT, argv);
  // Loaded here, not with the study entry it shares: judging quiz items needs the Markdown lexer, which stats, plan and quiz never load.
  const { lintCardFolders } = await import('../../app/cards/lint-cards.js');
  const { problems, filesChecked } = await lintCardFolders(ctx.environment, positionals);
  for (const problem of problems) ctx.out(`${formatProblem(problem)}\n`);
  const errors = problems.filter((problem) => problem.level === 'error').length;
  const warnings = problems.length - errors;
  ctx.out(`${filesChecked} card file${filesChecked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors > 0 ? 1 : 0;
}
