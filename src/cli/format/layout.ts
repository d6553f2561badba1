import type { CliContext } from '../context.js';

/** How wide to lay text out, and whether a column may be cut to fit: only in a terminal, or at a width that was asked for. */
export interface Layout {
  width: number;
  cut: boolean;
}

/** The layout for a command: --width when given, else the terminal's width (at most `cap`); in a pipe nothing is cut. */
export function textLayout(ctx: Pick<CliContext, 'width' | 'stdoutIsTTY'>, asked: number | undefined, cap = Number.POSITIVE_INFINITY): Layout {
  if (asked !== undefined) return { width: asked, cut: true };
  return { width: Math.min(ctx.width, cap), cut: ctx.stdoutIsTTY };
}
