/** A pager command line and the environment it runs in. */
export interface PagerChoice {
  command: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The pager for output longer than the screen, chosen as git does: $PAGER, else less -R; LESS=FRX when
 * unset, so output shorter than the screen is printed and left there (F, X) and colours pass through (R).
 * An empty PAGER, or cat, means no pager.
 */
export function pagerChoice(env: NodeJS.ProcessEnv): PagerChoice | undefined {
  const command = env.PAGER === undefined ? 'less -R' : env.PAGER.trim();
  if (command === '' || command === 'cat') return undefined;
  return { command, env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' } };
}
