import { formatDigOutput } from '../../../../core/dns-sim/dig/format-dig.js';
import type { ResolutionEvent } from '../../../../core/dns-sim/events.js';
import type { SimulationResult } from '../../../../core/dns-sim/simulate.js';

/** dig's printout of the question playing, once its reply has reached dig: the question's number and the lines, tabs expanded. */
export interface DigPrintout {
  queryIndex: number;
  lines: string[];
}

/** What dig prints for the question at the cursor, from the step its reply arrives until the next question starts; undefined for the stub's questions and before the reply. */
export function digPrintoutAt(result: SimulationResult, cursor: number): DigPrintout | undefined {
  const event = result.events[cursor];
  const outcome = event ? result.outcomes[event.queryIndex] : undefined;
  if (!event || !outcome?.dig) return undefined;
  // The reply dig prints is its last on-time one (format-dig.ts); with none (every try timed out), dig gives up at the question's last step.
  const shownFrom = lastIndex(result, (candidate) => candidate.queryIndex === outcome.index && candidate.depth === 0 && candidate.type === 'response-received' && candidate.to.role === 'stub' && !candidate.late);
  if (cursor < (shownFrom >= 0 ? shownFrom : lastIndex(result, (candidate) => candidate.queryIndex === outcome.index))) return undefined;
  const lines = formatDigOutput(outcome, result.events).map(expandTabs);
  return { queryIndex: outcome.index, lines: lines[0] === '' ? lines.slice(1) : lines };
}

function lastIndex(result: SimulationResult, matches: (event: ResolutionEvent) => boolean): number {
  for (let index = result.events.length - 1; index >= 0; index--) if (matches(result.events[index]!)) return index;
  return -1;
}

// dig lines its columns up with 8-column tabs; the terminal cell grid gets spaces to the same stops.
function expandTabs(line: string): string {
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(8 - (out.length % 8)) : char;
  return out;
}
