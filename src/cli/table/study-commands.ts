import { jsonFlag, TAG_FLAG, TOPIC_FLAG, WIDTH_FLAG, type CommandSpec } from './command-spec.js';

export const QUIZ = {
  name: 'quiz',
  summary: 'a timed spaced-repetition quiz from the key points',
  flags: [
    TOPIC_FLAG,
    TAG_FLAG,
    { name: 'card', value: 'ID', complete: 'cards', description: 'only items of this card' },
    { name: 'mode', value: 'MODE', choices: ['flashcard', 'cloze', 'choice', 'predict', 'mixed'], default: 'mixed', description: 'the kind of question' },
    { name: 'count', value: 'N', range: [1, 1000], default: '20, or count in the config file', description: 'how many items' },
    { name: 'time', value: 'DURATION', accepts: '10s to 8h; a bare number is minutes', description: 'a limit on the whole session' },
    { name: 'per-item', value: 'DURATION', accepts: '3s to 1h; a bare number is seconds', description: "a limit on each item, instead of each mode's own" },
    { name: 'due', description: 'only items that are due' },
    { name: 'cram', description: 'practise without changing the schedule' },
    { name: 'item', value: 'ID', description: 'ask just this item, now, whatever its schedule (an id from --list); goes with --mode, --cram and --json' },
    { name: 'list', description: 'print the items instead of asking them: a table, or with --json one object per item and mode; goes with --card, --topic, --tag, --mode and --item' },
    { name: 'suspended', description: 'list the items held back (suspended by you, leeches, buried today): id, reason, since when, card file:line and text; with --json an array' },
    { name: 'unsuspend', value: 'ID', description: 'bring back a suspended or buried item' },
    { name: 'suspend', value: 'ID', description: 'suspend an item: it is not asked until --unsuspend' },
    { name: 'bury', value: 'ID', description: 'bury an item: it is not asked again today' },
    { ...WIDTH_FLAG, description: 'lay the plain quiz and its summary out for N columns' },
    jsonFlag('one event per line (for scripts), reading answers; with --list, one item per line'),
  ],
  details: [
    'In a terminal the app opens at its quiz screen, and leaving it returns to the shell with the summary printed; in a pipe it is a line mode. Every answer is saved before the next question.',
    'New items come interleaved across cards and kinds, easy and much-linked cards first, with simulator steps from the first session. When an item runs out of time its answer is shown and it is asked again at the end; nothing is graded for lack of time.',
    'After a typed answer is rejected, r (in the app) or :r (in the line mode) counts it right ("I was right"); swelearn stats counts these, and u or :u takes one back.',
    'In the line mode :s suspends the item on screen, :b buries it until tomorrow and :e shows its card file and line (and opens $EDITOR on your own cards); :u takes a suspension or burial back like an answer.',
    'quiz --list --json prints one JSON object per item and mode it can be asked in, with id, card, mode, prompt, answer, accepts (the other answers accepted), options (choice and predict), context (predict: the lines shown before the question) and source (file:line).',
  ],
  examples: [
    ['swelearn quiz --card negative-caching --time 5m', 'five minutes on one card'],
    ['swelearn quiz --due --mode flashcard', 'only what is due, as flashcards'],
    ['swelearn quiz --cram --count 5', 'practice that leaves the schedule alone'],
    ['swelearn quiz --list --json --card dnssec', 'every item of one card, one JSON object per line'],
    ['swelearn quiz --item ttl-and-caching/kp-5b9e8e4b --mode cloze --cram', 'one item, as a cloze, without moving its schedule'],
    ['swelearn quiz --suspended', 'the items held back, and why'],
    ['swelearn quiz --unsuspend ttl-and-caching/kp-5b9e8e4b', 'ask that item again'],
  ],
} as const satisfies CommandSpec;

export const PLAN = {
  name: 'plan',
  summary: 'what to study now: due items and unread cards that fit your minutes',
  flags: [
    { name: 'minutes', value: 'N', range: [1, 1440], default: '20', description: 'the time you have' },
    { name: 'interview', value: 'DATE', accepts: 'a date like 2026-12-15, today or later', description: 'the day of your interview, to pace the unread cards' },
    WIDTH_FLAG,
    jsonFlag('the plan'),
  ],
  examples: [
    ['swelearn plan --minutes 20', 'a twenty-minute session'],
    ['swelearn plan --minutes 45 --interview 2026-12-15', 'and whether that pace covers everything in time'],
  ],
} as const satisfies CommandSpec;

export const STATS = {
  name: 'stats',
  summary: 'items studied, due today and this week, streak, recall per tag, a calendar heatmap',
  flags: [WIDTH_FLAG, jsonFlag('the statistics')],
  details: ["In a terminal the app's statistics screen; in a pipe the report as text."],
  examples: [
    ['swelearn stats', 'your progress'],
    ['swelearn stats --json', 'the same numbers for a script'],
  ],
} as const satisfies CommandSpec;

export const EXPORT = {
  name: 'export',
  summary: 'write your progress (or Anki cards) to standard output',
  flags: [{ name: 'format', value: 'FORMAT', choices: ['json', 'csv', 'anki-tsv'], default: 'json', description: 'json to import elsewhere, csv for spreadsheets, anki-tsv for Anki' }],
  examples: [
    ['swelearn export > progress.json', 'everything, to import on another machine'],
    ['swelearn export --format csv > progress.csv', 'one row per answer'],
  ],
} as const satisfies CommandSpec;

export const IMPORT = {
  name: 'import',
  summary: 'merge progress exported on another machine',
  args: 'FILE',
  argsComplete: 'files',
  flags: [],
  examples: [['swelearn import progress.json', 'add the answers your log does not have yet']],
} as const satisfies CommandSpec;
