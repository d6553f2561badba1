import { randomBytes } from 'node:crypto';

/** A session id that stays unique across machines and concurrent runs. */
export function newSessionId(nowMs: number): string {
  return `${nowMs.toString(36)}-${randomBytes(4).toString('hex')}`;
}
