declare const __SWELEARN_VERSION__: string | undefined;

/** The version baked in at build time ("dev" when running from source). */
export const VERSION = typeof __SWELEARN_VERSION__ === 'string' ? __SWELEARN_VERSION__ : 'dev';

/** One line per command for the help screen, in the order a newcomer needs them. */
export const COMMAND_SUMMARIES: [name: string, usage: string, summary: string][] = [
  ['list', 'list [--tag T] [--difficulty D] [--topic T] [--json]', 'list the cards, grouped by topic'],
  ['search', 'search <query> [--limit N] [--tag T] [--difficulty D] [--topic T] [--json]', 'fuzzy search over titles, tags, sections and key points'],
  ['show', 'show <id or query> [--section NAME] [--plain] [--width N] [--json]', 'read a card in the terminal'],
  ['sim', 'sim <name> [--type T] [--scenario ID] [--resolver unbound|bind|knot | --compare] [--browser-cache] [--os-cache] [--world DIR] [--resolv-conf FILE] [--no-qname-minimisation] [--seed N] [--repeat N] [--after DURATION] [--hex] [--json] | sim --list', 'simulate a DNS resolution step by step'],
  ['sim --workload', 'sim --workload zipf [--queries N] [--names M] [--alpha A] [--ttl T] [--qps R] [--prefetch] [--serve-stale] [--seed S] [--plain] [--json]', 'a resolver cache under Zipf traffic: hit rate against the closed form, upstream qps, latency'],
  ['quiz', 'quiz [--topic T] [--tag T] [--card ID] [--mode flashcard|cloze|choice|predict|mixed] [--count N] [--time 5m] [--per-item 30s] [--due] [--cram] [--json]', 'timed spaced-repetition quiz from the key points'],
  ['plan', 'plan [--minutes 20] [--interview YYYY-MM-DD] [--json]', 'what to study now: due items and unread cards that fit the time'],
  ['stats', 'stats [--json]', 'progress: due items, streak, recall per tag, weakest items'],
  ['export', 'export [--format json|csv|anki-tsv]', 'write your progress (or Anki cards) to stdout'],
  ['import', 'import FILE', 'merge progress exported on another machine'],
  ['lint', 'lint [DIR...]', 'check card files; exit 1 when any has an error'],
  ['paths', 'paths', 'show where cards, progress and caches live'],
];

/** The full help text. */
export function helpText(): string {
  const width = Math.max(...COMMAND_SUMMARIES.map(([, usage]) => usage.length));
  const commands = COMMAND_SUMMARIES.map(([, usage, summary]) =>
    usage.length > 44 ? `  swelearn ${usage}\n  ${' '.repeat(9)}${summary}` : `  swelearn ${usage.padEnd(Math.min(width, 44))}  ${summary}`,
  );
  return [
    `swelearn ${VERSION}: study system design offline, in the terminal`,
    '',
    'Usage:',
    '  swelearn                      the interactive app (in a terminal); otherwise this help',
    ...commands,
    '  swelearn help [COMMAND]       help for one command',
    '',
    'Options for every command:',
    '  --content DIR     also load cards from DIR (repeatable)',
    '  --no-color        no colour or hyperlinks (also NO_COLOR=1; FORCE_COLOR=1 forces colour)',
    '  --reduced-motion  the app shows simulator steps one by one, no animation (also SWELEARN_REDUCED_MOTION=1)',
    '  --ascii           draw with ASCII only, no box-drawing glyphs: the app, quiz, stats (also SWELEARN_ASCII=1)',
    '  --debug           show stack traces for internal errors',
    '  -h, --help        show help',
    '  -v, --version     show the version',
    '',
    'Examples:',
    '  swelearn search "negative caching"',
    '  swelearn show ttl-and-caching --section "key points"',
    '  swelearn sim www.example.com --type AAAA',
    '',
  ].join('\n');
}

/** The usage line of one command. */
export function usageOf(command: string): string {
  const entry = COMMAND_SUMMARIES.find(([name]) => name === command);
  return entry ? `usage: swelearn ${entry[1]}` : 'usage: swelearn <command> [options]; see swelearn --help';
}
