import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../../../src/io/make-folder.js';
import { IMPORT_LOCK_NAME, withImportLock } from '../../../src/io/progress/import-lock.js';
import { IMPORT_MAX_BYTES, readImportFile } from '../../../src/io/progress/read-import-file.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'swelearn-import-io-'));

describe('readImportFile', () => {
  it('reads a regular file', () => {
    const file = join(scratch(), 'log.jsonl');
    writeFileSync(file, '{"v":2}\n');
    expect(readImportFile(file)).toEqual({ ok: true, text: '{"v":2}\n' });
  });

  const fifo = () => {
    const path = join(scratch(), 'pipe');
    spawnSync('mkfifo', [path]);
    return path;
  };
  it.each<[string, () => string, string]>([
    ['a FIFO (without waiting for a writer)', fifo, 'not a regular file (a FIFO (named pipe))'],
    ['/dev/zero', () => '/dev/zero', 'not a regular file (a character device)'],
    ['a folder', scratch, 'not a regular file (a folder)'],
    ['a missing file', () => join(scratch(), 'none'), 'ENOENT'],
  ])('refuses %s', (_name, make, reason) => {
    const read = readImportFile(make());
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('refuses a file over the bound without reading it (a sparse file costs no disk)', () => {
    const file = join(scratch(), 'huge.jsonl');
    writeFileSync(file, '');
    truncateSync(file, IMPORT_MAX_BYTES + 1);
    expect(readImportFile(file)).toEqual({ ok: false, reason: '128 MiB is over the import limit of 128 MiB' });
  });

  it.each([[11, true], [10, false]])('reads 11 bytes under a bound of %i: %s', (maxBytes, ok) => {
    const file = join(scratch(), 'small.jsonl');
    writeFileSync(file, '{"v":2}\n{}\n');
    expect(readImportFile(file, maxBytes).ok).toBe(ok);
  });
});

describe('makeFolder', () => {
  it('creates missing parents one level at a time', () => {
    const dir = join(scratch(), 'a', 'b', 'c');
    makeFolder(dir);
    makeFolder(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it.each<[string, () => string, string]>([
    ['under /proc/self, where a recursive mkdir loops forever', () => '/proc/self/progress/x', '/proc/self does not take new folders'],
    ['under a file', () => { const file = join(scratch(), 'f'); writeFileSync(file, ''); return join(file, 'sub'); }, 'ENOTDIR'],
  ])('fails at once %s', (_name, make, message) => {
    expect(() => makeFolder(make())).toThrow(message);
  });
});

describe('withImportLock', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
  const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, token: 'held' });

  it.each<[string, (() => string) | undefined, boolean]>([
    ['no lock: runs the work and removes its lock', undefined, true],
    ['a lock left by a process that no longer runs on this host: removes it and runs the work', () => holder(deadPid()), true],
    ['a lock held by a running process: waits, then refuses', () => holder(process.pid), false],
    ['a lock held on another host, whose processes it cannot see: waits, then refuses', () => holder(deadPid(), `not-${hostname()}`), false],
    ['a lock it cannot read: waits, then refuses', () => 'garbage', false],
  ])('with %s', (_name, lock, runs) => {
    const dir = scratch();
    if (lock) writeFileSync(join(dir, IMPORT_LOCK_NAME), lock());
    let ran = false;
    const attempt = () => withImportLock(dir, () => (ran = true), { waitMs: 100, pollMs: 10 });
    if (runs) {
      expect(attempt()).toBe(true);
      expect(readdirSync(dir)).toEqual([]);
    } else {
      expect(attempt).toThrow(`another import holds ${join(dir, IMPORT_LOCK_NAME)}`);
      expect(ran).toBe(false);
      expect(readdirSync(dir)).toEqual([IMPORT_LOCK_NAME]);
    }
  });

  it('releases the lock when the work throws, and holds it while the work runs', () => {
    const dir = scratch();
    expect(() => withImportLock(dir, () => {
      expect(readdirSync(dir)).toEqual([IMPORT_LOCK_NAME]);
      expect(() => withImportLock(dir, () => 1, { waitMs: 30, pollMs: 10 })).toThrow('another import holds');
      throw new Error('boom');
    })).toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a stale lock alone while another process is breaking it', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, IMPORT_LOCK_NAME), holder(deadPid()));
    writeFileSync(join(dir, `${IMPORT_LOCK_NAME}.break`), '');
    expect(() => withImportLock(dir, () => 1, { waitMs: 50, pollMs: 10 })).toThrow(`${IMPORT_LOCK_NAME}.break is in the way`);
    expect(readdirSync(dir).sort()).toEqual([IMPORT_LOCK_NAME, `${IMPORT_LOCK_NAME}.break`, 'sub']);
  });
});
