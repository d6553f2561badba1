import { DEFAULT_NEW_PER_DAY, DEFAULT_QUIZ_COUNT } from '../quiz/defaults.js';
import { stripControl } from '../text/sanitize.js';

/** When output is coloured: in a terminal only, always (even in a pipe), or never. */
export type ColourMode = 'auto' | 'always' | 'never';

/** The settings a user can choose, with their types. */
export interface Settings {
  newPerDay: number;
  count: number;
  colour: ColourMode;
  ascii: boolean;
}

/** What values a setting takes. */
export type SettingKind = { type: 'integer'; min: number; max: number } | { type: 'choice'; choices: readonly string[] } | { type: 'boolean' };

/** One setting: its key in the config file, what it takes, its default, and where else it can be set. */
export interface SettingSpec {
  field: keyof Settings;
  key: string;
  aliases?: readonly string[];
  kind: SettingKind;
  description: string;
  /** The flag and environment variables that win over the file, as a reader would write them. */
  overriddenBy: string;
}

/** Every setting, in the order `swelearn config` shows them: the one table the config file, its checks and its docs come from. */
export const SETTINGS: readonly SettingSpec[] = [
  {
    field: 'newPerDay', key: 'new-per-day', kind: { type: 'integer', min: 0, max: 1000 },
    description: 'how many new quiz items a day, at most', overriddenBy: 'SWELEARN_NEW_PER_DAY',
  },
  {
    field: 'count', key: 'count', kind: { type: 'integer', min: 1, max: 1000 },
    description: 'how many items a quiz asks when --count is not given', overriddenBy: 'swelearn quiz --count',
  },
  {
    field: 'colour', key: 'colour', aliases: ['color'], kind: { type: 'choice', choices: ['auto', 'always', 'never'] },
    description: 'colour in a terminal only (auto), also in a pipe (always), or never', overriddenBy: '--color, --no-color, FORCE_COLOR, NO_COLOR',
  },
  {
    field: 'ascii', key: 'ascii', kind: { type: 'boolean' },
    description: 'draw with ASCII only, no box-drawing glyphs', overriddenBy: '--ascii, SWELEARN_ASCII',
  },
];

/** The value of every setting when nothing chooses another. */
export const DEFAULT_SETTINGS: Settings = { newPerDay: DEFAULT_NEW_PER_DAY, count: DEFAULT_QUIZ_COUNT, colour: 'auto', ascii: false };

/** Checks a value for a setting: the value, or what is wrong with it in words that name what it takes. */
export function checkSettingValue(spec: SettingSpec, value: unknown): { ok: true; value: Settings[keyof Settings] } | { ok: false; message: string } {
  const { kind } = spec;
  if (kind.type === 'integer') {
    if (typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max) return { ok: true, value };
    return { ok: false, message: `must be a whole number from ${kind.min} to ${kind.max}, got ${shown(value)}` };
  }
  if (kind.type === 'choice' && typeof value === 'string' && kind.choices.includes(value)) return { ok: true, value: value as ColourMode };
  if (kind.type === 'boolean' && typeof value === 'boolean') return { ok: true, value };
  return { ok: false, message: `must be ${settingValues(spec)}, got ${shown(value)}` };
}

/** What a setting takes, in words: "0 to 1000", "auto, always or never", "true or false". */
export function settingValues(spec: SettingSpec): string {
  const { kind } = spec;
  if (kind.type === 'integer') return `${kind.min} to ${kind.max}`;
  if (kind.type === 'boolean') return 'true or false';
  return `${kind.choices.slice(0, -1).join(', ')} or ${kind.choices[kind.choices.length - 1]}`;
}

/** The setting a key names, its aliases included. */
export function settingByKey(key: string): SettingSpec | undefined {
  return SETTINGS.find((spec) => spec.key === key || spec.aliases?.includes(key));
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${stripControl(value).slice(0, 40)}"`;
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return stripControl(String(value));
}
