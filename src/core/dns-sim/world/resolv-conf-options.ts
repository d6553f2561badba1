import type { ResolvConf } from './world.js';

// glibc resolv/resolv.h: RES_MAXNDOTS 15, RES_MAXRETRANS 30, RES_MAXRETRY 5; larger values are clamped.
const LIMITS = {
  ndots: { min: 0, max: 15, key: 'ndots' },
  timeout: { min: 1, max: 30, key: 'timeoutSeconds' },
  attempts: { min: 1, max: 5, key: 'attempts' },
} as const;

const FLAGS = { rotate: 'rotate', 'single-request': 'singleRequest', edns0: 'edns0' } as const;

// Real glibc options the simulator does not model: accepted with a warning rather than rejected.
const UNMODELLED = new Set(['debug', 'inet6', 'ip6-bytestring', 'ip6-dotint', 'no-ip6-dotint', 'insecure1', 'insecure2', 'no-check-names', 'use-vc', 'no-tld-query', 'trust-ad', 'no-reload', 'single-request-reopen', 'no-aaaa']);

/** Applies the words of an `options` line to conf, reporting malformed values as errors and clamped ones as warnings. */
export function readOptions(words: string[], conf: ResolvConf, error: (message: string) => void, warn: (message: string) => void): void {
  if (words.length === 0) return error('options needs at least one option');
  for (const word of words) {
    const [name = '', value] = word.split(':', 2) as [string, string | undefined];
    if (name in LIMITS) {
      const limit = LIMITS[name as keyof typeof LIMITS];
      if (value === undefined || !/^\d+$/.test(value)) {
        error(`option ${name} needs a whole number (${name}:N), got '${word}'`);
        continue;
      }
      let number = Number(value);
      if (number < limit.min) {
        error(`option ${word}: ${name} must be at least ${limit.min}`);
        continue;
      }
      if (number > limit.max) {
        warn(`option ${word} is above glibc's limit; ${name}:${limit.max} is used`);
        number = limit.max;
      }
      conf[limit.key] = number;
    } else if (name in FLAGS && value === undefined) {
      conf[FLAGS[name as keyof typeof FLAGS]] = true;
    } else if (UNMODELLED.has(name) && value === undefined) {
      warn(`option ${name} is accepted but not modelled by the simulator`);
    } else {
      error(`unknown option '${word}' (known: ndots:N, timeout:N, attempts:N, rotate, single-request, edns0; glibc silently ignores others)`);
    }
  }
}
