/** What each exit status means, for help and the man page. */
export const EXIT_STATUS: readonly (readonly [code: number, meaning: string])[] = [
  [0, 'success'],
  [1, 'a problem at run time (a missing folder, a card with errors under lint, a bad config file), or nothing matched (search, list)'],
  [2, 'a wrong command line (an unknown command or flag, a bad value)'],
];

/** The environment variables swelearn reads, for the man page. */
export const ENVIRONMENT: readonly (readonly [name: string, meaning: string])[] = [
  ['SWELEARN_HOME', 'keep cards, progress, caches and config.yaml under this one folder'],
  ['XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME', 'the base folders for data, caches and the config file (~/.local/share, ~/.cache, ~/.config)'],
  ['SWELEARN_NEW_PER_DAY', 'the daily limit of new quiz items; wins over new-per-day in the config file'],
  ['SWELEARN_ASCII', 'draw with ASCII only (1) or not (0); wins over ascii in the config file'],
  ['NO_COLOR, FORCE_COLOR', 'no colour, or colour even in a pipe; FORCE_COLOR wins over NO_COLOR, and both over the config file'],
  ['SWELEARN_REDUCED_MOTION', 'the app shows simulator steps one by one'],
  ['PAGER, LESS', 'the pager show uses for a card longer than the screen (less -R by default; LESS=FRX when unset; an empty PAGER or cat, none)'],
  ['SWELEARN_NOW, SWELEARN_SEED', 'a fixed study clock and random seed, to try schedules out or reproduce a session'],
];

/** The files swelearn reads and writes, for the man page (`swelearn paths` shows the real ones). */
export const FILES: readonly (readonly [path: string, meaning: string])[] = [
  ['$XDG_CONFIG_HOME/swelearn/config.yaml', 'the config file (~/.config/swelearn/config.yaml; $SWELEARN_HOME/config.yaml when SWELEARN_HOME is set)'],
  ['$XDG_DATA_HOME/swelearn/cards', 'your own cards, loaded after the bundled ones and any --content folder'],
  ['$XDG_DATA_HOME/swelearn/progress', 'the review log, one line per answer, flushed before the next question'],
  ['$XDG_CACHE_HOME/swelearn', 'parsed cards, the search index, rendered cards and the simulator world; deleting it is always safe'],
];
