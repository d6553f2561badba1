import type { SimulationOptions } from '../simulation-types.js';
import type { SessionStep } from './session-file.js';

/** A question the resolver answered before the run, at a negative time: the engine's prewarm. */
export type Prewarm = NonNullable<SimulationOptions['prewarm']>[number];

/** The prewarm steps of a session as the engine runs them, earliest first (steps at one time in the order written). */
export function sessionPrewarm(steps: readonly SessionStep[]): Prewarm[] {
  const prewarm = steps.flatMap((step) => (step.kind === 'prewarm' ? [{ atMs: -step.beforeMs, name: step.name, type: step.type }] : []));
  return prewarm.sort((a, b) => a.atMs - b.atMs);
}
