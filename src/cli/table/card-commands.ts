import { DIFFICULTY_FLAG, jsonFlag, TAG_FLAG, TOPIC_FLAG, WIDTH_FLAG, type CommandSpec } from './command-spec.js';

export const LIST = {
  name: 'list',
  summary: 'list the cards, grouped by topic',
  flags: [TAG_FLAG, DIFFICULTY_FLAG, TOPIC_FLAG, WIDTH_FLAG, jsonFlag('the cards')],
  details: ['In a pipe every title is printed whole, so grep finds any word of it. Exit status 1 when no card matches the filters.'],
  examples: [
    ['swelearn list --difficulty hard', 'the hard cards'],
    ['swelearn list --tag dnssec', 'the cards tagged dnssec'],
    ['swelearn list | grep -i kaminsky', 'find a card by a word of its title'],
  ],
} as const satisfies CommandSpec;

export const SEARCH = {
  name: 'search',
  summary: 'typo-tolerant search over titles, tags, sections and key points',
  args: '<query>',
  flags: [
    { name: 'limit', value: 'N', range: [1, 100], default: '10', description: 'show at most N cards' },
    TAG_FLAG,
    DIFFICULTY_FLAG,
    TOPIC_FLAG,
    WIDTH_FLAG,
    jsonFlag('the results, with scores and snippets,'),
  ],
  details: [
    'A card whose id, title or tag is exactly the query comes first; then the best matches, each with the section that matched. Exit status 1 when nothing matches, as grep does.',
  ],
  examples: [
    ['swelearn search "negative caching"', 'the cards about negative caching, best first'],
    ['swelearn search "kubernets ndots" --limit 3', 'typos are forgiven'],
    ['swelearn search dnssec --json', 'the results for a script'],
  ],
} as const satisfies CommandSpec;

export const SHOW = {
  name: 'show',
  summary: 'read a card in the terminal',
  args: '<id or query>',
  argsComplete: 'cards',
  flags: [
    { name: 'section', value: 'NAME', description: 'only the section whose name starts with or contains NAME' },
    { name: 'plain', description: 'no colour, hyperlinks or box drawing' },
    WIDTH_FLAG,
    { name: 'no-pager', description: 'print straight to the terminal, even when the card is longer than the screen' },
    jsonFlag('the card'),
  ],
  details: [
    'Without an exact id the best search match is shown, and said to be a guess. In a terminal a card longer than the screen is shown through $PAGER (else less -R, with LESS=FRX when LESS is unset), as git does.',
  ],
  examples: [
    ['swelearn show ttl-and-caching --section trade-offs', 'one section of a card'],
    ['swelearn show "negative caching"', 'the card that best matches the words'],
    ['swelearn show dnssec --plain --width 72 > dnssec.txt', 'a copy to keep'],
  ],
} as const satisfies CommandSpec;

export const LINT = {
  name: 'lint',
  summary: 'check card files; exit 1 when any has an error',
  args: '[DIR...]',
  argsComplete: 'dirs',
  flags: [],
  details: ['Without a folder, checks every card swelearn loads. Each problem names the file, the line and the rule.'],
  examples: [
    ['swelearn lint ~/my-cards', 'check your own cards before using them'],
    ['swelearn lint', 'check every card swelearn loads'],
  ],
} as const satisfies CommandSpec;

export const PATHS = {
  name: 'paths',
  summary: 'show where cards, progress, caches and the config file live',
  flags: [jsonFlag('the locations')],
  examples: [
    ['swelearn paths', 'every location, and whether it exists yet'],
    ['SWELEARN_HOME=/tmp/try swelearn paths', 'where a trial run would keep its files'],
  ],
} as const satisfies CommandSpec;
