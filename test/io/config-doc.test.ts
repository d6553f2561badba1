import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/core/config/check-config.js';
import { DEFAULT_SETTINGS, SETTINGS, settingValues } from '../../src/core/config/settings.js';
import { parseConfigText } from '../../src/io/config-file.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'config.md'), 'utf8');

describe('docs/config.md stays true', () => {
  it('has a row for every setting, with its values, default and what overrides it', () => {
    for (const spec of SETTINGS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${spec.key}\``));
      expect(row, spec.key).toBeDefined();
      for (const word of settingValues(spec).split(/, | or | to /)) expect(row, `${spec.key} ${word}`).toContain(word);
      expect(row).toContain(String(DEFAULT_SETTINGS[spec.field]));
      for (const overrider of spec.overriddenBy.split(', ')) expect(row, `${spec.key} ${overrider}`).toContain(overrider);
    }
  });

  it('has an example file that is valid, sets every setting and has no unknown key', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const parsed = parseConfigText(example);
    expect(parsed.problems).toEqual([]);
    const checked = checkConfig(parsed.entries);
    expect([checked.errors, checked.warnings]).toEqual([[], []]);
    expect(Object.keys(checked.values).sort()).toEqual(SETTINGS.map((spec) => spec.field).sort());
  });
});
