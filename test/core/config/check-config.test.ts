import { describe, expect, it } from 'vitest';
import { checkConfig, type ConfigEntry } from '../../../src/core/config/check-config.js';
import { DEFAULT_SETTINGS, SETTINGS } from '../../../src/core/config/settings.js';

const entries = (...pairs: [string, unknown][]): ConfigEntry[] => pairs.map(([key, value], index) => ({ key, value, line: index + 1 }));

describe('checking a config file against the settings table', () => {
  it('takes every setting at a valid value, with its line', () => {
    const checked = checkConfig(entries(['new-per-day', 0], ['count', 1000], ['colour', 'never'], ['ascii', true]));
    expect(checked).toEqual({
      values: { newPerDay: { value: 0, line: 1 }, count: { value: 1000, line: 2 }, colour: { value: 'never', line: 3 }, ascii: { value: true, line: 4 } },
      errors: [],
      warnings: [],
    });
  });

  it('accepts color for colour', () => {
    expect(checkConfig(entries(['color', 'always'])).values.colour).toEqual({ value: 'always', line: 1 });
  });

  it.each<[string, unknown, string]>([
    ['new-per-day', -1, 'new-per-day: must be a whole number from 0 to 1000, got -1'],
    ['new-per-day', 1001, 'new-per-day: must be a whole number from 0 to 1000, got 1001'],
    ['count', 0, 'count: must be a whole number from 1 to 1000, got 0'],
    ['count', 2.5, 'count: must be a whole number from 1 to 1000, got 2.5'],
    ['count', '10', 'count: must be a whole number from 1 to 1000, got "10"'],
    ['count', null, 'count: must be a whole number from 1 to 1000, got nothing'],
    ['count', [], 'count: must be a whole number from 1 to 1000, got a list'],
    ['colour', 'purple', 'colour: must be auto, always or never, got "purple"'],
    ['colour', {}, 'colour: must be auto, always or never, got a mapping'],
    ['ascii', 'yes', 'ascii: must be true or false, got "yes"'],
    ['ascii', 1, 'ascii: must be true or false, got 1'],
  ])('refuses %s: %j', (key, value, message) => {
    expect(checkConfig([{ key, value, line: 2 }]).errors).toEqual([{ line: 2, message }]);
  });

  it('refuses a setting given twice, under either spelling', () => {
    expect(checkConfig(entries(['colour', 'auto'], ['color', 'never'])).errors).toEqual([{ line: 2, message: 'color: colour is already set on line 1' }]);
  });

  it('ignores an unknown key with a warning that names what was probably meant', () => {
    const checked = checkConfig(entries(['cuont', 5], ['theme', 'dark']));
    expect(checked.errors).toEqual([]);
    expect(checked.warnings).toEqual([
      { line: 1, message: 'cuont: unknown setting, ignored (did you mean count?)' },
      { line: 2, message: 'theme: unknown setting, ignored' },
    ]);
  });

  it('never repeats a control character from the file', () => {
    const checked = checkConfig(entries(['col\u001b[2Jour', 1], ['colour', 'ne\u009bver']));
    expect(JSON.stringify(checked)).not.toMatch(/[\u001b\u009b]/);
  });

  it('has a default for every setting in the table', () => {
    for (const spec of SETTINGS) expect(DEFAULT_SETTINGS[spec.field], spec.key).toBeDefined();
  });
});
