import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, freshHome, hasEscape, runCli } from './run-cli.js';

/** A SWELEARN_HOME whose config.yaml holds the text. */
function homeWith(text: string | Buffer): string {
  const home = freshHome();
  writeFileSync(join(home, 'config.yaml'), text);
  return home;
}

describe('swelearn config', () => {
  it('prints each setting, its value and where it came from', () => {
    const home = homeWith('count: 5\ncolour: never\n');
    const run = runCli(['config', '--ascii'], { env: { SWELEARN_HOME: home, SWELEARN_NEW_PER_DAY: '9' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`config file  ${join(home, 'config.yaml')}\n`);
    expect(run.stdout).toMatch(/^new-per-day +9 +environment SWELEARN_NEW_PER_DAY$/m);
    expect(run.stdout).toMatch(/^count +5 +config file, line 1$/m);
    expect(run.stdout).toMatch(/^colour +never +config file, line 2$/m);
    expect(run.stdout).toMatch(/^ascii +true +flag --ascii$/m);
  });

  it('says when there is no config file yet', () => {
    const run = runCli(['config']);
    expect(run.stdout).toMatch(/^config file {2}.+config\.yaml {2}\(not created yet\)$/m);
    expect(run.stdout).toMatch(/^count +20 +default$/m);
  });

  it('gives the same as JSON', () => {
    const home = homeWith('count: 5\n');
    const json = JSON.parse(runCli(['config', '--json'], { env: { SWELEARN_HOME: home, NO_COLOR: '1' } }).stdout);
    expect(json).toEqual({
      file: { path: join(home, 'config.yaml'), exists: true },
      settings: {
        'new-per-day': { value: 20, from: 'default' },
        count: { value: 5, from: 'config', line: 1 },
        colour: { value: 'never', from: 'environment', name: 'NO_COLOR' },
        ascii: { value: false, from: 'default' },
      },
      warnings: [],
    });
  });

  it('follows XDG_CONFIG_HOME when SWELEARN_HOME is unset, and swelearn paths shows the file', () => {
    const xdg = mkdtempSync(join(tmpdir(), 'swelearn-xdg-'));
    const env = { SWELEARN_HOME: '', XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: join(xdg, 'data'), XDG_CACHE_HOME: join(xdg, 'cache') };
    expect(JSON.parse(runCli(['paths', '--json'], { env }).stdout)).toMatchObject({ config_file: join(xdg, 'swelearn', 'config.yaml') });
    expect(runCli(['paths'], { env }).stdout).toMatch(/^config file +.+\/swelearn\/config\.yaml {2}\(not created yet\)$/m);
  });
});

describe('the config file in use', () => {
  it('sets the quiz length, and --count wins over it', () => {
    const home = homeWith('count: 2\n');
    const events = (argv: string[]) => runCli(['quiz', '--json', '--card', 'ttl-and-caching', '--mode', 'flashcard', ...argv], { env: { SWELEARN_HOME: home, SWELEARN_SEED: '1' } }).stdout.split('\n')[0]!;
    expect(JSON.parse(events([]))).toMatchObject({ event: 'start', items: 2 });
    expect(JSON.parse(events(['--count', '3']))).toMatchObject({ event: 'start', items: 3 });
  });

  it('sets the daily limit of new items, and the quiz names the setting when the limit is used', () => {
    const home = homeWith('new-per-day: 0\n');
    const run = runCli(['quiz'], { env: { SWELEARN_HOME: home } });
    expect(run.stdout).toContain(`today's limit of 0 new items is used (new-per-day in ${join(home, 'config.yaml')}, or SWELEARN_NEW_PER_DAY, changes it)`);
  });

  it('names the setting in the plan when unread cards cannot fit', () => {
    const home = homeWith('new-per-day: 0\n');
    const run = runCli(['plan', '--minutes', '5', '--width', '400'], { env: { SWELEARN_HOME: home } });
    expect(run.stdout).toContain(`(the daily limit of new items is 0: new-per-day in ${join(home, 'config.yaml')}, or SWELEARN_NEW_PER_DAY)`);
  });

  it('turns colour on in a pipe, below NO_COLOR and --no-color', () => {
    const home = homeWith('colour: always\n');
    expect(hasEscape(runCli(['list'], { env: { SWELEARN_HOME: home } }).stdout)).toBe(true);
    expect(hasEscape(runCli(['list'], { env: { SWELEARN_HOME: home, NO_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasEscape(runCli(['list', '--no-color'], { env: { SWELEARN_HOME: home } }).stdout)).toBe(false);
  });

  it('warns once about an unknown key, and goes on', () => {
    const run = runCli(['list', '--tag', 'dnssec'], { env: { SWELEARN_HOME: homeWith('colr: never\n') } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^swelearn: warning: .+config\.yaml:1: colr: unknown setting, ignored \(did you mean color\?\)\n$/);
  });

  it('caches the parsed file, so a later run need not load YAML', () => {
    const home = homeWith('count: 4\n');
    runCli(['config'], { env: { SWELEARN_HOME: home } });
    expect(existsSync(join(home, 'cache', 'config.json'))).toBe(true);
    expect(runCli(['config'], { env: { SWELEARN_HOME: home } }).stdout).toMatch(/^count +4 +config file, line 1$/m);
  });
});

describe('a broken config file', () => {
  it.each<[string, string | Buffer, RegExp]>([
    ['a bad value', 'colour: purple\n', /^swelearn: config file .+config\.yaml:1: colour: must be auto, always or never, got "purple"\n$/],
    ['broken YAML', 'count: [1,\n', /^swelearn: config file .+config\.yaml:\d+: /],
    ['binary bytes', Buffer.from([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a, 255, 10]), /^swelearn: config file .+config\.yaml/],
    ['a huge file', `# ${'x'.repeat(100_000)}\n`, /^swelearn: config file .+config\.yaml: is 98 KiB; a config file is limited to 64 KiB\n$/],
  ])('stops a command that uses the settings with one clear line and exit 1: %s', (_name, text, message) => {
    const run = runCli(['list'], { env: { SWELEARN_HOME: homeWith(text) } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expectNoCrashText(run);
  });

  it('does not stop a command that reads no setting', () => {
    const env = { SWELEARN_HOME: homeWith('colour: purple\n') };
    expect(runCli(['paths'], { env }).code).toBe(0);
    expect(runCli(['export'], { env }).code).toBe(0);
    expect(runCli(['--version'], { env }).code).toBe(0);
  });
});
