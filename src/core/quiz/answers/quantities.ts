/** Which way a qualifier bounds the number after it: "more than 18%" is a lower bound, "at most 5 minutes" an upper one. */
export type Qualifier = 'lower' | 'upper' | 'about' | '';

const TIME_MS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000, wk: 604_800_000 };
// A kilobyte is 1000 or 1024 bytes depending on who writes it; either reading counts.
const SIZE_BYTES: Record<string, number[]> = { bytes: [1], octets: [1], kb: [1000, 1024], kib: [1024], mb: [1_000_000, 1_048_576], mib: [1_048_576] };

const QUALIFIERS: [string[], Qualifier][] = [
  ...['more than', 'over', 'above', 'greater than', 'at least', 'no less than', 'no fewer than', 'exceeding', 'beyond', 'minimum', 'min'].map((words): [string[], Qualifier] => [words.split(' '), 'lower']),
  ...['less than', 'fewer than', 'under', 'below', 'at most', 'up to', 'no more than', 'maximum', 'max', 'within'].map((words): [string[], Qualifier] => [words.split(' '), 'upper']),
  ...['about', 'around', 'roughly', 'approximately', 'approx', 'circa', 'nearly', 'almost', 'some'].map((words): [string[], Qualifier] => [words.split(' '), 'about']),
];
const TRAILING_QUALIFIERS: [string[], Qualifier][] = [
  ...['or more', 'or above', 'or higher', 'or greater', 'or over', 'plus', 'and up', 'and above'].map((words): [string[], Qualifier] => [words.split(' '), 'lower']),
  ...['or less', 'or fewer', 'or below', 'or lower', 'or under'].map((words): [string[], Qualifier] => [words.split(' '), 'upper']),
];

/** Whether a token is a number or a quantity (`#t86400000` is 86400 s in milliseconds, `#b512` 512 bytes, `#%18` 18%). */
export function isNumeric(token: string): boolean {
  return /^[\d#]/.test(token);
}

/**
 * Turns each number and its unit into one quantity token in a base unit (time in ms, sizes in bytes), so
 * "2 days" and "172800 s" meet; several readings (a kilobyte of 1000 or 1024 bytes) give several lists.
 */
export function toQuantities(tokens: readonly string[]): string[][] {
  let variants: string[][] = [[]];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const unit = tokens[index + 1];
    if (!/^\d[\d.]*$/.test(token) || unit === undefined) {
      variants = variants.map((variant) => [...variant, token]);
      continue;
    }
    const values = quantityTokens(Number(token), unit);
    if (!values) {
      variants = variants.map((variant) => [...variant, token]);
      continue;
    }
    index++;
    variants = variants.flatMap((variant) => values.map((value) => mergeTime(variant, value)));
  }
  return variants;
}

function quantityTokens(value: number, unit: string): string[] | undefined {
  if (TIME_MS[unit] !== undefined) return [`#t${exact(value * TIME_MS[unit]!)}`];
  if (SIZE_BYTES[unit]) return SIZE_BYTES[unit]!.map((factor) => `#b${exact(value * factor)}`);
  if (unit === 'bits') return Number.isInteger(value / 8) ? [`#b${value / 8}`] : [`#bit${exact(value)}`];
  if (unit === '%') return [`#%${exact(value)}`];
  if (unit === 'x') return [`#x${exact(value)}`];
  return undefined;
}

// "1 h 30 min" is one duration: a time right after a larger time unit adds to it. "5 s 3 s" stays two.
function mergeTime(variant: string[], token: string): string[] {
  const last = variant.at(-1);
  if (last?.startsWith('#t') && token.startsWith('#t')) {
    const before = Number(last.slice(2));
    const added = Number(token.slice(2));
    if (added < before && largestUnit(added) < largestUnit(before)) return [...variant.slice(0, -1), `#t${exact(before + added)}`];
  }
  return [...variant, token];
}

function largestUnit(ms: number): number {
  return Math.max(...Object.values(TIME_MS).filter((unit) => ms % unit === 0));
}

function exact(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** Takes the qualifiers ("more than", "at most", "or more") off the numbers they bound; one entry per number, '' for none. */
export function takeQualifiers(tokens: readonly string[]): { tokens: string[]; qualifiers: Qualifier[] } {
  const out: string[] = [];
  const qualifiers: Qualifier[] = [];
  let index = 0;
  while (index < tokens.length) {
    const leading = QUALIFIERS.find(([words]) => startsWith(tokens, index, words) && isNumeric(tokens[index + words.length] ?? ''));
    if (leading) {
      index += leading[0].length;
      out.push(tokens[index]!);
      qualifiers.push(leading[1]);
      index++;
      continue;
    }
    const token = tokens[index]!;
    if (isNumeric(token)) {
      const trailing = TRAILING_QUALIFIERS.find(([words]) => startsWith(tokens, index + 1, words));
      out.push(token);
      qualifiers.push(trailing?.[1] ?? '');
      index += 1 + (trailing?.[0].length ?? 0);
      continue;
    }
    out.push(token);
    index++;
  }
  return { tokens: out, qualifiers };
}

/** Whether two answers' qualifiers can both be right: none, the same or "about" agree; a lower bound never meets an upper one. */
export function qualifiersAgree(typed: readonly Qualifier[], expected: readonly Qualifier[]): boolean {
  return typed.every((qualifier, index) => {
    const other = expected[index] ?? '';
    return !((qualifier === 'lower' && other === 'upper') || (qualifier === 'upper' && other === 'lower'));
  });
}

function startsWith(tokens: readonly string[], index: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[index + offset] === word);
}
