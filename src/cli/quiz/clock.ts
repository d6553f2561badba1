import { randomBytes } from 'node:crypto';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';

/** The time commands work with: now, or SWELEARN_NOW (an ISO date) moved forward with the real clock, for testing schedules. */
export function commandClock(ctx: CliContext): () => number {
  const fixed = ctx.env.SWELEARN_NOW?.trim();
  if (!fixed) return () => Date.now();
  const base = Date.parse(fixed);
  if (Number.isNaN(base)) throw new UsageError(`SWELEARN_NOW must be a date like 2026-06-01T09:00:00Z, got "${fixed}"`);
  const started = Date.now();
  return () => base + (Date.now() - started);
}

/** The random seed for a session: SWELEARN_SEED when set (reproducible runs), else fresh randomness. */
export function sessionSeed(ctx: CliContext): number {
  const fixed = ctx.env.SWELEARN_SEED?.trim();
  if (fixed && /^\d+$/.test(fixed)) return Number(fixed) | 0;
  return randomBytes(4).readInt32LE(0);
}

/** A session id that stays unique across machines and concurrent runs. */
export function newSessionId(nowMs: number): string {
  return `${nowMs.toString(36)}-${randomBytes(4).toString('hex')}`;
}
