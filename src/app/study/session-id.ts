/**
 * A session id that stays unique across machines and concurrent runs: the start time and 32 random bits. Math.random is
 * seeded by each process from the system's entropy, and an id needs no secrecy; node:crypto, or the Web Crypto global,
 * takes about 2 ms to load before the quiz screen's first frame.
 */
export function newSessionId(nowMs: number): string {
  const random = Math.floor(Math.random() * 2 ** 32);
  return `${nowMs.toString(36)}-${random.toString(16).padStart(8, '0')}`;
}
