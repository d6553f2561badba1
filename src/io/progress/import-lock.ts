import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file an import holds, in the progress folder, while it reads the log and appends to it. */
export const IMPORT_LOCK_NAME = 'import.lock';

/** How long an import waits for another one, and how often it looks. */
export interface ImportLockOptions {
  waitMs?: number;
  pollMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/**
 * Runs `work` while holding `<progressDir>/import.lock`, waiting up to `waitMs` for another holder. The lock is
 * taken by link(2), which fails if the name exists (O_EXCL's guarantee, and the lock appears with its content
 * whole). A lock is stale only when it names a process on this host that no longer runs; it is removed under a
 * second exclusive file, so two processes cannot both break it and remove a fresh lock. Anything else (another
 * host, an unreadable lock) is waited for and then reported with the file's path.
 */
export function withImportLock<T>(progressDir: string, work: () => T, options: ImportLockOptions = {}): T {
  const path = join(progressDir, IMPORT_LOCK_NAME);
  const me: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  acquire(path, me, options.waitMs ?? 60_000, options.pollMs ?? 25);
  try {
    return work();
  } finally {
    if (readHolder(path)?.token === me.token) unlinkSync(path);
  }
}

function acquire(path: string, me: Holder, waitMs: number, pollMs: number): void {
  const temp = `${path}.${me.pid}.${me.token}`;
  writeFileSync(temp, JSON.stringify(me), { flag: 'wx' });
  try {
    for (let waited = 0; ; waited += pollMs) {
      if (tryLink(temp, path, me)) return;
      const holder = readHolder(path);
      const stale = holder !== undefined && holder.host === me.host && !isRunning(holder.pid);
      if (stale && breakStale(path, holder)) continue;
      if (waited >= waitMs) throw new Error(`another import holds ${path}${holder ? ` (process ${holder.pid} on ${holder.host})` : ''}${stale ? ` and ${path}.break is in the way of removing it` : ''}; wait for it, or delete the file if no swelearn import is running`);
      sleep(pollMs);
    }
  } finally {
    unlinkSync(temp);
  }
}

function tryLink(temp: string, path: string, me: Holder): boolean {
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  }
  // No hard links here (FAT, some FUSE): O_EXCL instead; a reader that finds it still empty waits, as for any holder it cannot judge.
  try {
    writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

// Only the process holding `<lock>.break` removes a stale lock, and only if it still names the same dead holder.
function breakStale(path: string, stale: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(`${path}.break`, 'wx');
  } catch {
    return false;
  }
  try {
    if (readHolder(path)?.token !== stale.token) return false;
    unlinkSync(path);
    return true;
  } finally {
    closeSync(fd);
    unlinkSync(`${path}.break`);
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.token === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
