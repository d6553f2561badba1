/** How `dig` 9.18 sends its one query: the switches swelearn models, each with dig's default. */
export interface DigOptions {
  /** RD=1 unless +norec. */
  recurse: boolean;
  /** The EDNS UDP payload size, 1232 unless +bufsize=N (dig's DEFAULT_EDNS_BUFSIZE since 9.16). */
  bufsizeBytes: number;
  /** DO=1 with +dnssec (RFC 3225). */
  dnssec: boolean;
  /** CD=1 with +cd (RFC 4035 section 3.2.2). */
  checkingDisabled: boolean;
  /** Send over TCP from the start with +tcp. */
  tcp: boolean;
  /** With +ignore a truncated UDP answer is printed as it is, not asked again over TCP. */
  ignoreTruncation: boolean;
}

/** dig 9.18's defaults: recursion desired, EDNS with a 1232-byte buffer, no DO, no CD, UDP, TCP retry on TC=1. */
export const DEFAULT_DIG_OPTIONS: DigOptions = { recurse: true, bufsizeBytes: 1232, dnssec: false, checkingDisabled: false, tcp: false, ignoreTruncation: false };

/** The +options `--client dig` accepts, as help shows them. */
export const DIG_FLAGS = ['+norec', '+bufsize=N', '+dnssec', '+cd', '+tcp', '+ignore'] as const;

/** Reading dig's +options: the options they set, or the first one that is not understood and why. */
export type DigFlagsResult = { ok: true; options: DigOptions } | { ok: false; error: string };

// dig accepts the +no form of each switch and unambiguous abbreviations; the simulator takes the full names only.
const SWITCHES: Record<string, (options: DigOptions, on: boolean) => DigOptions> = {
  rec: (options, on) => ({ ...options, recurse: on }),
  recurse: (options, on) => ({ ...options, recurse: on }),
  dnssec: (options, on) => ({ ...options, dnssec: on }),
  cd: (options, on) => ({ ...options, checkingDisabled: on }),
  cdflag: (options, on) => ({ ...options, checkingDisabled: on }),
  tcp: (options, on) => ({ ...options, tcp: on }),
  vc: (options, on) => ({ ...options, tcp: on }),
  ignore: (options, on) => ({ ...options, ignoreTruncation: on }),
};

/** Reads dig's +options in order (a later one wins, as in dig), starting from dig's defaults. */
export function parseDigFlags(words: readonly string[]): DigFlagsResult {
  let options = DEFAULT_DIG_OPTIONS;
  for (const word of words) {
    const read = readOne(options, word);
    if (typeof read === 'string') return { ok: false, error: read };
    options = read;
  }
  return { ok: true, options };
}

function readOne(options: DigOptions, word: string): DigOptions | string {
  const body = word.startsWith('+') ? word.slice(1).toLowerCase() : undefined;
  if (body === undefined) return `"${word}" is not a dig option (they start with +)`;
  const [key = '', value] = body.split('=', 2) as [string, string | undefined];
  if (key === 'bufsize') {
    // dig: "+bufsize restores the default buffer size"; the value is 0 to 65535.
    if (value === undefined) return { ...options, bufsizeBytes: DEFAULT_DIG_OPTIONS.bufsizeBytes };
    const bytes = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(bytes <= 65535)) return `+bufsize takes a size from 0 to 65535 bytes, got "${value}"`;
    return { ...options, bufsizeBytes: bytes };
  }
  const on = !key.startsWith('no');
  const name = on ? key : key.slice(2);
  const apply = SWITCHES[name];
  if (key === 'trace' || key === 'notrace') return '+trace is not simulated: sim already shows every step of the walk';
  if (!apply || value !== undefined) return `unknown dig option "${word}" (known: ${DIG_FLAGS.join(', ')}, and the +no forms)`;
  return apply(options, on);
}

/** The +options that differ from dig's defaults, as a command line shows them: `+norec +bufsize=4096`. */
export function digFlagWords(options: DigOptions): string[] {
  const words: string[] = [];
  if (!options.recurse) words.push('+norec');
  if (options.bufsizeBytes !== DEFAULT_DIG_OPTIONS.bufsizeBytes) words.push(`+bufsize=${options.bufsizeBytes}`);
  if (options.dnssec) words.push('+dnssec');
  if (options.checkingDisabled) words.push('+cd');
  if (options.tcp) words.push('+tcp');
  if (options.ignoreTruncation) words.push('+ignore');
  return words;
}
