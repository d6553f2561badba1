import type { CliContext } from '../context.js';

/** Whether to draw with ASCII only: SWELEARN_ASCII (as the app reads it) or a dumb terminal. */
export function asciiOnly(ctx: CliContext): boolean {
  const value = ctx.env.SWELEARN_ASCII?.trim().toLowerCase();
  return (value !== undefined && value !== '' && value !== '0' && value !== 'false') || ctx.env.TERM === 'dumb';
}
