import type { AppEnvironment } from '../../app/environment.js';
import { SETTINGS, type Settings } from '../../core/config/settings.js';

/** Where a setting is changed, for a message that suggests changing it: "new-per-day in ~/.config/swelearn/config.yaml, or SWELEARN_NEW_PER_DAY". */
export function settingHint(environment: AppEnvironment, field: keyof Settings): string {
  const spec = SETTINGS.find((setting) => setting.field === field)!;
  return `${spec.key} in ${environment.paths.config}, or ${spec.overriddenBy}`;
}
