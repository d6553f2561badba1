/** Output switches the user gave on the command line. */
export interface ColourFlags {
  color?: boolean;
  noColor?: boolean;
}

/**
 * Whether to write ANSI colour: --no-color and --color win, then FORCE_COLOR (as Node itself
 * treats it, overriding NO_COLOR), then NO_COLOR (no-color.org), then TERM=dumb, then the TTY.
 */
export function colourEnabled(env: NodeJS.ProcessEnv, flags: ColourFlags, isTTY: boolean): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** Whether the terminal understands OSC 8 hyperlinks; plain output and NO_COLOR get none. */
export function hyperlinksEnabled(env: NodeJS.ProcessEnv, flags: ColourFlags, isTTY: boolean): boolean {
  if (flags.noColor || env.NO_COLOR) return false;
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
