/** Whether the terminal understands OSC 8 hyperlinks; plain output and NO_COLOR get none (nor does colour set to never, by the caller). */
export function hyperlinksEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_HYPERLINK;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (!isTTY || env.CI || env.TERM === 'dumb') return false;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.DOMTERM) return true;
  if (['WezTerm', 'vscode', 'ghostty', 'Hyper', 'iTerm.app'].includes(env.TERM_PROGRAM ?? '')) return true;
  if (['xterm-kitty', 'alacritty', 'foot', 'xterm-ghostty'].includes(env.TERM ?? '')) return true;
  return Number(env.VTE_VERSION ?? 0) >= 5000;
}

/** Columns to wrap text to: the terminal's width, else $COLUMNS, else 80. */
export function outputWidth(columns: number | undefined, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  const width = columns && columns > 0 ? columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(20, Math.min(width, 400));
}
