import { checkConfig, type ConfigProblem } from '../core/config/check-config.js';
import { DEFAULT_SETTINGS, SETTINGS, type ColourMode, type Settings } from '../core/config/settings.js';
import { stripControl } from '../core/text/sanitize.js';
import { readConfigFile } from '../io/config-file.js';
import { UsageError, UserError } from './errors.js';

/** Where a setting's value came from, strongest first: a flag, an environment variable, the config file, the default. */
export type SettingSource = { from: 'flag'; name: string } | { from: 'environment'; name: string } | { from: 'config'; line: number } | { from: 'default'; name?: string };

/** A setting's value and where it came from. */
export interface Resolved<T> {
  value: T;
  source: SettingSource;
}

/** Every setting resolved, the config file it read, and what in the file was ignored. */
export type ResolvedSettings = { [K in keyof Settings]: Resolved<Settings[K]> } & {
  file: { path: string; exists: boolean };
  /** Lines of the file that were ignored (an unknown key), as `path:line: message`. */
  warnings: string[];
};

/** What settings are resolved from: the environment, the config file's place, and the flags that set them. */
export interface SettingsInput {
  env: NodeJS.ProcessEnv;
  configPath: string;
  cacheDir: string;
  flags: { ascii?: boolean; color?: boolean; noColor?: boolean };
}

/** Resolves every setting (flag > environment variable > config file > default); a config file with an error is refused whole. */
export function resolveSettings({ env, configPath, cacheDir, flags }: SettingsInput): ResolvedSettings {
  const file = readConfigFile(configPath, cacheDir);
  const checked = checkConfig(file.exists ? file.entries : []);
  const problems = file.exists ? [...file.problems, ...checked.errors] : [];
  if (problems.length > 0) throw new UserError(describeProblems(configPath, problems));
  const fromFile = <K extends keyof Settings>(field: K): Resolved<Settings[K]> | undefined => {
    const set = checked.values[field];
    return set && { value: set.value as Settings[K], source: { from: 'config', line: set.line } };
  };
  const fallback = <K extends keyof Settings>(field: K, name?: string): Resolved<Settings[K]> => ({ value: DEFAULT_SETTINGS[field], source: { from: 'default', ...(name ? { name } : {}) } });
  const dumb = env.TERM === 'dumb';
  // Each setting is resolved when read, so a bad SWELEARN_NEW_PER_DAY fails only the commands that use it.
  return {
    file: { path: configPath, exists: file.exists },
    get newPerDay() {
      return envNewPerDay(env.SWELEARN_NEW_PER_DAY) ?? fromFile('newPerDay') ?? fallback('newPerDay');
    },
    get count() {
      return fromFile('count') ?? fallback('count');
    },
    get colour() {
      return flagColour(flags) ?? envColour(env) ?? fromFile('colour') ?? fallback('colour');
    },
    get ascii() {
      const flag: Resolved<boolean> | undefined = flags.ascii ? { value: true, source: { from: 'flag', name: '--ascii' } } : undefined;
      return flag ?? envAscii(env.SWELEARN_ASCII) ?? fromFile('ascii') ?? (dumb ? { value: true, source: { from: 'default', name: 'TERM=dumb' } } : fallback('ascii'));
    },
    warnings: checked.warnings.map((warning) => `${where(configPath, warning.line)}: ${warning.message}`),
  };
}

/** Whether colour is written for a mode: always, never, or (auto) to a terminal that is not dumb. */
export function colourFor(mode: ColourMode, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  return mode === 'always' || (mode === 'auto' && isTTY && env.TERM !== 'dumb');
}

function flagColour(flags: SettingsInput['flags']): Resolved<ColourMode> | undefined {
  if (flags.noColor) return { value: 'never', source: { from: 'flag', name: '--no-color' } };
  if (flags.color) return { value: 'always', source: { from: 'flag', name: '--color' } };
  return undefined;
}

// As Node itself reads them: FORCE_COLOR wins over NO_COLOR (no-color.org).
function envColour(env: NodeJS.ProcessEnv): Resolved<ColourMode> | undefined {
  if (env.FORCE_COLOR !== undefined) return { value: ['0', 'false'].includes(env.FORCE_COLOR.trim().toLowerCase()) ? 'never' : 'always', source: { from: 'environment', name: 'FORCE_COLOR' } };
  if (env.NO_COLOR) return { value: 'never', source: { from: 'environment', name: 'NO_COLOR' } };
  return undefined;
}

function envAscii(value: string | undefined): Resolved<boolean> | undefined {
  const text = value?.trim().toLowerCase();
  if (!text) return undefined;
  return { value: text !== '0' && text !== 'false', source: { from: 'environment', name: 'SWELEARN_ASCII' } };
}

function envNewPerDay(value: string | undefined): Resolved<number> | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const kind = SETTINGS.find((spec) => spec.field === 'newPerDay')!.kind as { min: number; max: number };
  const number = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(number >= kind.min && number <= kind.max)) throw new UsageError(`SWELEARN_NEW_PER_DAY must be a whole number from ${kind.min} to ${kind.max}, got "${stripControl(raw)}"`);
  return { value: number, source: { from: 'environment', name: 'SWELEARN_NEW_PER_DAY' } };
}

function describeProblems(path: string, problems: ConfigProblem[]): string {
  const lines = problems.map((problem) => `${where(path, problem.line)}: ${problem.message}`);
  if (lines.length === 1) return `config file ${lines[0]}`;
  return `config file ${stripControl(path)} has ${lines.length} problems:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

function where(path: string, line: number): string {
  return line > 0 ? `${stripControl(path)}:${line}` : stripControl(path);
}
