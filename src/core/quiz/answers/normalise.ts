const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const UNIT_WORDS: Record<string, string> = {
  second: 's', seconds: 's', sec: 's', secs: 's',
  millisecond: 'ms', milliseconds: 'ms', msec: 'ms', msecs: 'ms',
  minute: 'min', minutes: 'min', mins: 'min', m: 'min',
  hour: 'h', hours: 'h', hr: 'h', hrs: 'h',
  day: 'd', days: 'd',
  week: 'wk', weeks: 'wk', wks: 'wk', w: 'wk',
  byte: 'bytes', b: 'bytes', octet: 'octets', bit: 'bits',
  kilobyte: 'kb', kilobytes: 'kb', kibibyte: 'kib', kibibytes: 'kib', megabyte: 'mb', megabytes: 'mb', mebibyte: 'mib', mebibytes: 'mib',
  percent: '%', pct: '%', times: 'x', fold: 'x',
};

// British spellings the learner or the author may use; both sides meet on one.
const SPELLINGS: Record<string, string> = {
  defence: 'defense', offence: 'offense', licence: 'license', centre: 'center', catalogue: 'catalog', fibre: 'fiber', grey: 'gray',
  honour: 'honor', colour: 'color', favour: 'favor', labour: 'labor',
};

/** Lowercases, unifies spelling (British and American, number words, unit names, % and percent) and drops punctuation. */
export function normaliseAnswer(text: string): string {
  return normaliseTokens(text).join(' ');
}

/** The words of a normalised answer: numbers as digits, a unit after a number as its symbol (s, ms, min, h, d, wk, bytes, %). */
export function normaliseTokens(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .replace(/\bper cent\b/g, 'percent')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\brfc(?=\d)/g, 'rfc ')
    // "1h30m" is two quantities.
    .replace(/(\d)(h|m|min|s|d)(?=\d)/g, '$1$2 ')
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .replace(/[^\p{L}\p{N}\u0000]+/gu, ' ')
    .replace(/\u0000/g, '.')
    .replace(/(\d)(ms|s|secs?|min|mins|h|hrs?|d|days?|w|wks?|weeks?|bytes?|b|kb|kib|mb|mib|octets?|bits?|x|m)(?![\p{L}\p{N}])/gu, '$1 $2')
    .trim()
    .split(' ')
    .filter(Boolean);
  const numbered = numberWords(words);
  return numbered.map((word, index) => normaliseWord(word, numbered[index - 1]));
}

// "two hundred and fifty six" becomes "256"; a lone "one" becomes "1".
function numberWords(words: string[]): string[] {
  const out: string[] = [];
  let total: number | undefined;
  let current = 0;
  const flush = () => {
    if (total !== undefined) out.push(String(total + current));
    total = undefined;
    current = 0;
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const small = SMALL_NUMBERS[word];
    const scale = SCALES[word];
    if (small !== undefined) {
      total ??= 0;
      current += small;
    } else if (scale !== undefined && total !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (word === 'and' && total !== undefined && SMALL_NUMBERS[words[index + 1] ?? ''] !== undefined && (current >= 100 || total >= 1000)) {
      continue;
    } else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

function normaliseWord(word: string, previous: string | undefined): string {
  // A unit word only counts as a unit right after a number ("5 seconds", not "m" in a name).
  if (previous !== undefined && /^\d[\d.]*$/.test(previous) && UNIT_WORDS[word]) return UNIT_WORDS[word]!;
  const spelled = SPELLINGS[word];
  if (spelled) return spelled;
  if (word.length > 6) {
    return word
      .replace(/isation(s?)$/, 'ization$1')
      .replace(/is(e|ed|es|ing)$/, 'iz$1')
      .replace(/ys(e|ed|es|ing)$/, 'yz$1')
      .replace(/our$/, 'or')
      .replace(/([aeiou])l(led|ling)$/, '$1$2');
  }
  return word;
}
