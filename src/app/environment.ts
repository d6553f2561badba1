import { isAbsolute, resolve } from 'node:path';
import { resolveDataPaths, type DataPaths } from '../io/data-paths.js';
import { bundledContentDir, bundledWorldDir } from '../io/package-paths.js';
import { stripControl } from '../core/text/sanitize.js';
import { UsageError } from './errors.js';
import { pagerChoice, type PagerChoice } from './pager-choice.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';

/** The global choices of a run that every service depends on: the environment, the folder it runs in, the global flags. */
export interface EnvironmentInput {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Extra card folders (--content), in order. */
  contentDirs?: readonly string[];
  /** --ascii was given. */
  ascii?: boolean;
  /** --reduced-motion was given. */
  reducedMotion?: boolean;
  /** --color or --no-color was given. */
  color?: boolean;
  noColor?: boolean;
  /** Told once of each line of the config file that was ignored. */
  warn?: (message: string) => void;
}

/** The study clock: wall time, or SWELEARN_NOW moved forward with the wall clock from when it was first read. */
export interface StudyClock {
  now(): number;
  /** How far the study clock is ahead of the wall clock (0 unless SWELEARN_NOW is set). */
  offsetMs: number;
}

/**
 * Everything a service reads from the outside world besides its arguments, resolved in one place and
 * passed down: where data lives, the study clock, the seed, the settings and the display preferences.
 * Values that can be wrong (SWELEARN_NOW, SWELEARN_NEW_PER_DAY, the config file) are checked when first
 * used, so a command that does not need them never fails on them.
 */
export interface AppEnvironment {
  cwd: string;
  paths: DataPaths;
  /** Card folders from --content, as given (messages quote them so). */
  contentDirs: readonly string[];
  /** The bundled cards, `<package>/content`. */
  bundledCardsDir(): string;
  /** The bundled simulator world. */
  bundledWorldDir(): string;
  /** Draw with ASCII only: --ascii, SWELEARN_ASCII, ascii in the config file, or TERM=dumb. */
  readonly ascii: boolean;
  /** Show steps one at a time instead of animating them: --reduced-motion or SWELEARN_REDUCED_MOTION. */
  reducedMotion: boolean;
  clock(): StudyClock;
  /** A session's random seed: SWELEARN_SEED when set (reproducible runs), else fresh randomness. */
  sessionSeed(): number;
  /** The daily limit of new quiz items: SWELEARN_NEW_PER_DAY, else new-per-day in the config file, else the default. */
  newItemsPerDay(): number;
  /** Every setting with where it came from: flags, environment, config file (read once, on first use), defaults. */
  settings(): ResolvedSettings;
  /** The pager for output longer than the screen, chosen as git does; undefined when PAGER is empty or cat. */
  pager(): PagerChoice | undefined;
  /** A path the user typed, made absolute against the working folder. */
  resolvePath(path: string): string;
}


/** Resolves the environment once; the result is the one value every service is given. */
export function resolveEnvironment(input: EnvironmentInput): AppEnvironment {
  const { env, cwd } = input;
  checkDataHome(env.SWELEARN_HOME);
  const paths = resolveDataPaths(env);
  let clock: StudyClock | undefined;
  const resolved = once(() => settingsOf(input, paths));
  return {
    cwd,
    paths,
    contentDirs: [...(input.contentDirs ?? [])],
    bundledCardsDir: bundledContentDir,
    bundledWorldDir,
    get ascii() {
      return resolved().ascii.value;
    },
    reducedMotion: input.reducedMotion === true || envFlag(env.SWELEARN_REDUCED_MOTION),
    clock: () => (clock ??= studyClock(env.SWELEARN_NOW)),
    sessionSeed: () => sessionSeed(env.SWELEARN_SEED),
    newItemsPerDay: () => resolved().newPerDay.value,
    settings: resolved,
    pager: () => pagerChoice(env),
    resolvePath: (path) => (isAbsolute(path) ? path : resolve(cwd, path)),
  };
}

/** Whether an environment switch is on: set, and not empty, 0 or false. */
export function envFlag(value: string | undefined): boolean {
  const normalised = value?.trim().toLowerCase();
  return normalised !== undefined && normalised !== '' && normalised !== '0' && normalised !== 'false';
}

function studyClock(fixed: string | undefined): StudyClock {
  const text = fixed?.trim();
  if (!text) return { now: () => Date.now(), offsetMs: 0 };
  const base = Date.parse(text);
  if (Number.isNaN(base)) throw new UsageError(`SWELEARN_NOW must be a date like 2026-06-01T09:00:00Z, got "${stripControl(text)}"`);
  if (base < EARLIEST_NOW_MS || base > LATEST_NOW_MS) throw new UsageError(`SWELEARN_NOW must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, got ${JSON.stringify(text)}`);
  const offsetMs = base - Date.now();
  return { now: () => Date.now() + offsetMs, offsetMs };
}

// The study clock's range: schedules computed from it (intervals of up to a century) stay valid dates.
const EARLIEST_NOW_MS = Date.UTC(1970, 0, 1);
const LATEST_NOW_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// A relative SWELEARN_HOME would move with the current folder, and a trimmed one would name a folder the
// user did not give, so both are refused (an empty value still means unset).
function checkDataHome(value: string | undefined): void {
  if (!value) return;
  if (value.trim() !== value) throw new UsageError(`SWELEARN_HOME must not start or end with spaces, got ${JSON.stringify(value)}`);
  if (!isAbsolute(value)) throw new UsageError(`SWELEARN_HOME must be an absolute path (it would otherwise depend on the current folder), got ${JSON.stringify(value)}; try SWELEARN_HOME="$PWD/${value}"`);
}

function sessionSeed(fixed: string | undefined): number {
  const text = fixed?.trim();
  if (text && /^\d+$/.test(text)) return Number(text) | 0;
  // Math.random, seeded by each process from the system's entropy: a seed orders a quiz and needs no secrecy, and the Web
  // Crypto global (or node:crypto) takes about 2 ms to load before the quiz screen's first frame.
  return Math.floor(Math.random() * 2 ** 32) | 0;
}

function settingsOf(input: EnvironmentInput, paths: DataPaths): ResolvedSettings {
  const settings = resolveSettings({ env: input.env, configPath: paths.config, cacheDir: paths.cache, flags: { ascii: input.ascii, color: input.color, noColor: input.noColor } });
  for (const warning of settings.warnings) input.warn?.(`warning: ${warning}`);
  return settings;
}

// The value, or the error, of the first call, given to every later one.
function once<T>(compute: () => T): () => T {
  let outcome: { value: T } | { error: unknown } | undefined;
  return () => {
    try {
      outcome ??= { value: compute() };
    } catch (error) {
      outcome = { error };
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}
