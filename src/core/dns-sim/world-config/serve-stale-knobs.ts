import type { PersonalityId } from '../personalities/types.js';
import type { ServeStale } from '../resolver/resolver-options.js';
import type { FieldReader } from './field-reader.js';

interface Knob {
  field: 'replyTtlSeconds' | 'maxStaleSeconds' | 'refreshRetrySeconds' | 'clientResponseTimerMs' | 'staleAnswerEde';
  /** Whole numbers from min to max, a switch, or a number of milliseconds that may also be "off". */
  value: { min: number; max: number; off?: true } | 'boolean';
}

const TTL_MAX = 2147483647;

// Each program's own option names (unbound.conf(5), BIND's named.conf options) and the model field each sets.
// Knot Resolver's serve_stale module takes no options: its 3 s timer and 1 s reply TTL are fixed in serve_stale.lua.
const KNOBS: Record<PersonalityId, Record<string, Knob>> = {
  unbound: {
    'serve-expired-ttl': { field: 'maxStaleSeconds', value: { min: 0, max: TTL_MAX } },
    'serve-expired-reply-ttl': { field: 'replyTtlSeconds', value: { min: 0, max: TTL_MAX } },
    'serve-expired-client-timeout': { field: 'clientResponseTimerMs', value: { min: 0, max: 120000 } },
    'ede-serve-expired': { field: 'staleAnswerEde', value: 'boolean' },
  },
  bind: {
    'max-stale-ttl': { field: 'maxStaleSeconds', value: { min: 1, max: TTL_MAX } },
    'stale-answer-ttl': { field: 'replyTtlSeconds', value: { min: 1, max: TTL_MAX } },
    'stale-refresh-time': { field: 'refreshRetrySeconds', value: { min: 0, max: TTL_MAX } },
    'stale-answer-client-timeout': { field: 'clientResponseTimerMs', value: { min: 0, max: 120000, off: true } },
  },
  knot: {},
};

const PROGRAM: Record<PersonalityId, string> = { unbound: 'Unbound', bind: 'BIND', knot: 'Knot Resolver' };

/** Reads `serve_stale:` (true, false, or the program's own settings) for the given program, reporting any setting it does not have. */
export function readServeStale(value: unknown, program: PersonalityId, path: (string | number)[], reader: FieldReader): { program: PersonalityId; profile: Partial<ServeStale> } | false | undefined {
  if (value === false) return false;
  if (value === true || value === null) return { program, profile: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    reader.fail(path, "'serve_stale' must be true, false, or a mapping of the resolver program's own serve-stale settings");
    return undefined;
  }
  const known = KNOBS[program];
  const profile: Partial<ServeStale> = {};
  let ok = true;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const knob = known[key];
    if (!knob) {
      const owner = (Object.keys(KNOBS) as PersonalityId[]).find((other) => KNOBS[other][key]);
      const names = Object.keys(known);
      const hint = owner ? ` ('${key}' is ${PROGRAM[owner]}'s; set personality: ${owner} to use it)` : '';
      reader.fail([...path, key], `unknown serve-stale setting '${key}' for ${PROGRAM[program]}${hint} (known: ${names.length > 0 ? names.join(', ') : `none: ${PROGRAM[program]}'s serve_stale module has no settings, write serve_stale: true`})`);
      ok = false;
      continue;
    }
    const read = readKnob(knob, raw);
    if (read === undefined) {
      reader.fail([...path, key], `${key} ${JSON.stringify(raw)} ${describeValue(knob)}`);
      ok = false;
    } else Object.assign(profile, { [knob.field]: read });
  }
  return ok ? { program, profile } : undefined;
}

function readKnob(knob: Knob, raw: unknown): number | boolean | 'off' | undefined {
  if (knob.value === 'boolean') return typeof raw === 'boolean' ? raw : undefined;
  if (knob.value.off && (raw === 'off' || raw === 'disabled')) return 'off';
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= knob.value.min && raw <= knob.value.max ? raw : undefined;
}

function describeValue(knob: Knob): string {
  if (knob.value === 'boolean') return 'must be true or false';
  return `is not a whole number from ${knob.value.min} to ${knob.value.max}${knob.value.off ? ', or off' : ''}`;
}
