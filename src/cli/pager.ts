import type { PagerChoice } from '../app/pager-choice.js';
import { guardOutput } from '../core/text/sanitize.js';

/** What decides whether output goes through a pager. */
export interface PagingFacts {
  stdoutIsTTY: boolean;
  rows: number | undefined;
  lines: number;
  json: boolean;
  noPager: boolean;
}

/** Only a terminal, only text longer than the screen, never JSON, never with --no-pager. */
export function shouldPage(facts: PagingFacts): boolean {
  return facts.stdoutIsTTY && !facts.json && !facts.noPager && facts.rows !== undefined && facts.lines >= facts.rows;
}

// As git does: a command with no shell syntax is run directly, anything else by sh -c.
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[#~=%]/;

/**
 * Shows text through the pager and resolves once it exits: true when it ran, false when it could not
 * start (not installed, not executable), so the caller prints the text itself. Ctrl-C belongs to the
 * pager while it runs.
 */
export async function runPager(text: string, pager: PagerChoice): Promise<boolean> {
  // Loaded here: node:child_process costs every command a millisecond and a half at start-up.
  const { spawn } = await import('node:child_process');
  const [program, ...args] = SHELL_SYNTAX.test(pager.command) ? ['sh', '-c', pager.command] : pager.command.split(/\s+/);
  const ignoreInterrupt = () => undefined;
  process.on('SIGINT', ignoreInterrupt);
  return new Promise<boolean>((resolve) => {
    const child = spawn(program!, args, { stdio: ['pipe', 'inherit', 'inherit'], env: pager.env });
    child.on('error', () => resolve(false));
    // 126 and 127 are the shell's "cannot run" and "not found": nothing was shown.
    child.on('close', (code) => resolve(code !== 126 && code !== 127));
    // Quitting the pager before the end closes its input; the rest of the text is not wanted.
    child.stdin.on('error', () => undefined);
    // less -R passes escapes to the terminal, so the pager gets the same guarded text as standard output.
    child.stdin.end(guardOutput(text));
  }).finally(() => process.off('SIGINT', ignoreInterrupt));
}
