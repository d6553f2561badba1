import type { ResolverOptions } from '../resolver/resolver-options.js';

/** The resolver programs a walk can imitate (`--resolver`); Unbound when none is given. */
export type PersonalityId = 'unbound' | 'bind' | 'knot';

/** One resolver program's defaults as data: the options it sets, and where each value comes from. */
export interface ResolverPersonality {
  id: PersonalityId;
  /** The program and the release whose defaults are modelled, e.g. "BIND 9.18.49". */
  name: string;
  /** One line for the trace header. */
  summary: string;
  options: Partial<ResolverOptions>;
}
