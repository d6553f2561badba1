import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/app/environment.js';
import { UsageError } from '../../src/app/errors.js';

// No config file: a developer's own ~/.config/swelearn/config.yaml must not change what these tests see.
const at = (env: NodeJS.ProcessEnv, flags: { ascii?: boolean; reducedMotion?: boolean } = {}) =>
  resolveEnvironment({ env: { XDG_CONFIG_HOME: '/nonexistent/config', ...env }, cwd: '/work/here', ...flags });

describe('the environment, resolved once', () => {
  it.each<[string, NodeJS.ProcessEnv, { ascii?: boolean }, boolean]>([
    ['plain by default', {}, {}, false],
    ['--ascii', {}, { ascii: true }, true],
    ['SWELEARN_ASCII=1', { SWELEARN_ASCII: '1' }, {}, true],
    ['SWELEARN_ASCII=true', { SWELEARN_ASCII: ' TRUE ' }, {}, true],
    ['SWELEARN_ASCII=0 is off', { SWELEARN_ASCII: '0' }, {}, false],
    ['SWELEARN_ASCII=false is off', { SWELEARN_ASCII: 'false' }, {}, false],
    ['SWELEARN_ASCII empty is off', { SWELEARN_ASCII: '' }, {}, false],
    ['a dumb terminal', { TERM: 'dumb' }, {}, true],
  ])('ASCII mode: %s', (_name, env, flags, ascii) => {
    expect(at(env, flags).ascii).toBe(ascii);
  });

  it.each<[NodeJS.ProcessEnv, { reducedMotion?: boolean }, boolean]>([
    [{}, {}, false],
    [{}, { reducedMotion: true }, true],
    [{ SWELEARN_REDUCED_MOTION: '1' }, {}, true],
    [{ SWELEARN_REDUCED_MOTION: '0' }, {}, false],
  ])('reduced motion from %j and %j: %s', (env, flags, reduced) => {
    expect(at(env, flags).reducedMotion).toBe(reduced);
  });

  it('keeps everything under SWELEARN_HOME when it is set', () => {
    expect(at({ SWELEARN_HOME: '/x' }).paths).toEqual({ home: '/x', userCards: '/x/cards', progress: '/x/progress', cache: '/x/cache', config: '/x/config.yaml' });
  });

  it('resolves a typed path against the working folder, and keeps an absolute one', () => {
    const environment = at({});
    expect(environment.resolvePath('cards')).toBe(join('/work/here', 'cards'));
    expect(environment.resolvePath('/abs/cards')).toBe('/abs/cards');
  });

  it('runs the study clock on the wall clock without SWELEARN_NOW', () => {
    const clock = at({}).clock();
    expect(clock.offsetMs).toBe(0);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('starts the study clock at SWELEARN_NOW, moves it with the wall clock, and reads the variable once', () => {
    const environment = at({ SWELEARN_NOW: '2026-06-01T09:00:00Z' });
    const clock = environment.clock();
    expect(Math.abs(clock.now() - Date.parse('2026-06-01T09:00:00Z'))).toBeLessThan(1000);
    expect(environment.clock()).toBe(clock);
  });

  it('says what is wrong with SWELEARN_NOW only when a command needs the clock', () => {
    const environment = at({ SWELEARN_NOW: 'yesterday' });
    expect(environment.paths.home).toBeDefined();
    expect(() => environment.clock()).toThrow(UsageError);
    expect(() => environment.clock()).toThrow('SWELEARN_NOW must be a date like 2026-06-01T09:00:00Z, got "yesterday"');
  });

  it('takes the session seed from SWELEARN_SEED, and fresh randomness otherwise', () => {
    expect(at({ SWELEARN_SEED: '42' }).sessionSeed()).toBe(42);
    const seeds = new Set(Array.from({ length: 8 }, () => at({ SWELEARN_SEED: 'not a number' }).sessionSeed()));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it.each<[string | undefined, number | string]>([
    [undefined, 20],
    ['5', 5],
    ['0', 0],
    ['many', 'SWELEARN_NEW_PER_DAY must be a whole number from 0 to 1000, got "many"'],
    ['1001', 'SWELEARN_NEW_PER_DAY must be a whole number from 0 to 1000, got "1001"'],
  ])('the daily limit of new items from SWELEARN_NEW_PER_DAY=%s', (value, expected) => {
    const environment = at(value === undefined ? {} : { SWELEARN_NEW_PER_DAY: value });
    if (typeof expected === 'number') expect(environment.newItemsPerDay()).toBe(expected);
    else expect(() => environment.newItemsPerDay()).toThrow(expected);
  });
});

describe('SWELEARN_HOME and SWELEARN_NOW are taken as given, within their range', () => {
  it.each<[string, string, string]>([
    ['a relative path', 'trial', 'SWELEARN_HOME must be an absolute path'],
    ['a dot path', './trial', 'SWELEARN_HOME must be an absolute path'],
    ['leading spaces', ' /tmp/x', 'SWELEARN_HOME must not start or end with spaces'],
    ['a trailing newline', '/tmp/x\n', 'SWELEARN_HOME must not start or end with spaces'],
  ])('refuses SWELEARN_HOME with %s as a usage error', (_name, home, message) => {
    expect(() => at({ SWELEARN_HOME: home })).toThrow(UsageError);
    expect(() => at({ SWELEARN_HOME: home })).toThrow(message);
  });

  it('treats an empty SWELEARN_HOME as unset', () => {
    expect(at({ SWELEARN_HOME: '', XDG_DATA_HOME: '/data' }).paths.home).toBe('/data/swelearn');
  });

  it.each<[string, boolean]>([
    ['1970-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59Z', true],
    ['1969-12-31T23:59:59Z', false],
    ['+275760-09-13T00:00:00.000Z', false],
    ['+010000-01-01T00:00:00Z', false],
  ])('SWELEARN_NOW=%s is in range: %s', (now, inRange) => {
    const environment = at({ SWELEARN_NOW: now });
    if (inRange) expect(environment.clock().now()).toBeGreaterThan(Date.parse(now) - 1);
    else expect(() => environment.clock()).toThrow('SWELEARN_NOW must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z');
  });
});
