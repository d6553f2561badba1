import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and its missing parents one level at a time, so the walk is bounded by the path's depth:
 * Node's recursive mkdir retries forever where a parent exists but refuses children (/proc/self), and reports
 * ENOENT for every failure, where one level at a time gives the real cause (EROFS, EACCES, ENOTDIR).
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process made it in the meantime.
      if (code === 'EEXIST' && statSync(level).isDirectory()) continue;
      // The parent exists but takes no new entries (procfs, sysfs): say so rather than "no such file".
      if (code === 'ENOENT') throw Object.assign(new Error(`${dirname(level)} does not take new folders`), { code: 'ENOENT' });
      throw error;
    }
  }
}
