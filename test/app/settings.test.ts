import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/app/environment.js';
import { UsageError, UserError } from '../../src/app/errors.js';
import { resolveSettings, type SettingsInput } from '../../src/app/settings.js';

/** Settings with a config file holding `text` (none when undefined). */
function settings(text: string | undefined, env: NodeJS.ProcessEnv = {}, flags: SettingsInput['flags'] = {}) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-settings-'));
  const configPath = join(home, 'config.yaml');
  if (text !== undefined) writeFileSync(configPath, text);
  return resolveSettings({ env, configPath, cacheDir: join(home, 'cache'), flags });
}

const FILE = 'new-per-day: 7\ncount: 12\ncolour: always\nascii: true\n';

describe('settings: flag > environment variable > config file > default', () => {
  it('takes the defaults without a file', () => {
    const resolved = settings(undefined);
    expect(resolved.file.exists).toBe(false);
    expect([resolved.newPerDay, resolved.count, resolved.colour, resolved.ascii]).toEqual([
      { value: 20, source: { from: 'default' } },
      { value: 20, source: { from: 'default' } },
      { value: 'auto', source: { from: 'default' } },
      { value: false, source: { from: 'default' } },
    ]);
  });

  it('takes the file over the defaults, naming the line', () => {
    const resolved = settings(FILE);
    expect([resolved.newPerDay, resolved.count, resolved.colour, resolved.ascii]).toEqual([
      { value: 7, source: { from: 'config', line: 1 } },
      { value: 12, source: { from: 'config', line: 2 } },
      { value: 'always', source: { from: 'config', line: 3 } },
      { value: true, source: { from: 'config', line: 4 } },
    ]);
  });

  it.each<[string, NodeJS.ProcessEnv, string, unknown]>([
    ['SWELEARN_NEW_PER_DAY', { SWELEARN_NEW_PER_DAY: '3' }, 'newPerDay', 3],
    ['NO_COLOR', { NO_COLOR: '1' }, 'colour', 'never'],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, 'colour', 'never'],
    ['FORCE_COLOR over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, 'colour', 'always'],
    ['SWELEARN_ASCII=0', { SWELEARN_ASCII: '0' }, 'ascii', false],
  ])('takes the environment variable over the file: %s', (_name, env, field, value) => {
    expect(settings(FILE, env)[field as 'count']).toMatchObject({ value, source: { from: 'environment' } });
  });

  it.each<[SettingsInput['flags'], string, unknown, string]>([
    [{ noColor: true }, 'colour', 'never', '--no-color'],
    [{ color: true }, 'colour', 'always', '--color'],
    [{ ascii: true }, 'ascii', true, '--ascii'],
  ])('takes the flag over the environment and the file: %j', (flags, field, value, name) => {
    const env = { FORCE_COLOR: flags.noColor ? '1' : '0', SWELEARN_ASCII: '0' };
    expect(settings('colour: auto\nascii: false\n', env, flags)[field as 'colour']).toEqual({ value, source: { from: 'flag', name } });
  });

  it('draws ASCII on a dumb terminal by default, and says why', () => {
    expect(settings(undefined, { TERM: 'dumb' }).ascii).toEqual({ value: true, source: { from: 'default', name: 'TERM=dumb' } });
  });

  it('refuses a config file with errors, naming the file, the line and the key of each', () => {
    const attempt = () => settings('colour: purple\ncount: 0\n');
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/config file \/.+\/config\.yaml has 2 problems:\n {2}\/.+\/config\.yaml:1: colour: must be auto, always or never, got "purple"\n {2}\/.+\/config\.yaml:2: count: must be a whole number from 1 to 1000, got 0$/);
  });

  it('reports an unknown key as a warning and uses the rest', () => {
    const resolved = settings('cuont: 5\ncount: 6\n');
    expect(resolved.count.value).toBe(6);
    expect(resolved.warnings).toEqual([expect.stringMatching(/\/config\.yaml:1: cuont: unknown setting, ignored \(did you mean count\?\)$/)]);
  });

  it('fails only the setting a bad variable sets', () => {
    const resolved = settings(undefined, { SWELEARN_NEW_PER_DAY: 'lots' });
    expect(resolved.colour.value).toBe('auto');
    expect(() => resolved.newPerDay).toThrow(UsageError);
  });
});

describe('settings in the environment', () => {
  const environment = (text: string | undefined, warn?: (message: string) => void) => {
    const home = mkdtempSync(join(tmpdir(), 'swelearn-settings-env-'));
    if (text !== undefined) writeFileSync(join(home, 'config.yaml'), text);
    return resolveEnvironment({ env: { SWELEARN_HOME: home }, cwd: home, ...(warn ? { warn } : {}) });
  };

  it('reads the config file once, lazily, and tells each warning once', () => {
    const warnings: string[] = [];
    const env = environment('count: 3\nzzz: 1\n', (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(env.settings().count.value).toBe(3);
    expect(env.settings()).toBe(env.settings());
    expect(env.ascii).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/^warning: .+config\.yaml:2: zzz: unknown setting, ignored$/)]);
  });

  it('never fails a command that does not read a setting', () => {
    const env = environment('colour: purple\n');
    expect(env.paths.config).toMatch(/config\.yaml$/);
    expect(() => env.clock()).not.toThrow();
    expect(() => env.newItemsPerDay()).toThrow(/config\.yaml:1: colour: must be auto, always or never/);
  });
});
