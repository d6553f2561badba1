import type { QueryType } from '../../app/simulator/sim-request.js';
import { parseDigFlags, type DigOptions } from '../../core/dns-sim/dig/dig-options.js';
import { stripControl } from '../../core/text/sanitize.js';
import { UsageError } from '../../app/errors.js';

/** The client of a run as the command line asked for it: the words left for names, and dig's options when dig asks. */
export interface ClientChoice {
  names: string[];
  dig?: DigOptions;
}

/** Splits dig's +options from the names and reads them; they are an error unless `--client dig` is given. */
export function readClient(client: 'stub' | 'dig' | undefined, positionals: readonly string[], usage: string): ClientChoice {
  const plus = positionals.filter((word) => word.startsWith('+'));
  const names = positionals.filter((word) => !word.startsWith('+'));
  if (client !== 'dig') {
    if (plus.length > 0) throw new UsageError(`${stripControl(plus[0]!)} is a dig option: add --client dig`, usage);
    return { names };
  }
  const parsed = parseDigFlags(plus);
  if (!parsed.ok) throw new UsageError(stripControl(parsed.error), usage);
  return { names, dig: parsed.options };
}

/** The question type dig asks: A unless given (dig's default); dig asks one type, so A+AAAA is refused. */
export function digType(type: QueryType | undefined, usage: string): QueryType {
  if (type === 'A+AAAA') throw new UsageError('dig asks one record type: give --type A or --type AAAA (A+AAAA is what getaddrinfo asks)', usage);
  return type ?? 'A';
}
