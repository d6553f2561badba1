import { closestMatch } from '../text/suggest.js';
import { stripControl } from '../text/sanitize.js';
import { checkSettingValue, SETTINGS, settingByKey, type Settings } from './settings.js';

/** A top-level entry of a config file: its key, its value as data, and the line it is on. */
export interface ConfigEntry {
  key: string;
  value: unknown;
  line: number;
}

/** Something wrong in a config file, at a line (0 for the file as a whole). */
export interface ConfigProblem {
  line: number;
  message: string;
}

/** What a config file sets: each valid setting with its line, and what is wrong (errors) or only ignored (warnings). */
export interface CheckedConfig {
  values: Partial<{ [K in keyof Settings]: { value: Settings[K]; line: number } }>;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

/** Checks every entry of a config file against the settings table; unknown keys are warnings, so an older swelearn reads a newer file. */
export function checkConfig(entries: readonly ConfigEntry[]): CheckedConfig {
  const checked: CheckedConfig = { values: {}, errors: [], warnings: [] };
  const seen = new Map<string, number>();
  for (const { key, value, line } of entries) {
    const spec = settingByKey(key);
    const name = stripControl(key);
    if (!spec) {
      const near = closestMatch(name, SETTINGS.flatMap((setting) => [setting.key, ...(setting.aliases ?? [])]));
      checked.warnings.push({ line, message: `${name}: unknown setting, ignored${near ? ` (did you mean ${near}?)` : ''}` });
      continue;
    }
    const earlier = seen.get(spec.key);
    if (earlier !== undefined) {
      checked.errors.push({ line, message: `${name}: ${spec.key} is already set on line ${earlier}` });
      continue;
    }
    seen.set(spec.key, line);
    const result = checkSettingValue(spec, value);
    if (result.ok) (checked.values as Record<string, { value: unknown; line: number }>)[spec.field] = { value: result.value, line };
    else checked.errors.push({ line, message: `${name}: ${result.message}` });
  }
  return checked;
}
