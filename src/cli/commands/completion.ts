import { SCENARIO_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import { stripControl } from '../../core/text/sanitize.js';
import { UsageError } from '../../app/errors.js';
import { bashScript } from '../completion/bash-script.js';
import { completionWords } from '../completion/completion-words.js';
import { fishScript } from '../completion/fish-script.js';
import { zshScript } from '../completion/zsh-script.js';
import type { CliContext } from '../context.js';
import { parseCommand } from '../parse-flags.js';
import { COMPLETION, SHELLS } from '../table/tool-commands.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

/** `swelearn completion bash|zsh|fish`: a completion script from the command table, with the card and scenario ids of now. */
export async function runCompletion(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals, usage } = parseCommand(COMPLETION, argv);
  const shell = positionals[0];
  if (positionals.length !== 1 || !(SHELLS as readonly string[]).includes(shell!)) {
    throw new UsageError(shell === undefined ? `completion needs a shell: ${SHELLS.join(', ')}` : `completion writes scripts for ${SHELLS.join(', ')}, got "${stripControl(positionals.join(' '))}"`, usage);
  }
  const cards = await ctx.cards.cards();
  ctx.out(SCRIPTS[shell as keyof typeof SCRIPTS](completionWords({ cards, scenarios: SCENARIO_IDS })));
  return 0;
}
