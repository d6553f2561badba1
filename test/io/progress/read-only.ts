import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether chmod can stop this process from writing (it cannot for root). */
export const chmodProtects = process.getuid?.() !== 0;

/** A progress folder that cannot exist: its parent is a regular file (ENOTDIR), which stops root too. */
export function folderUnderAFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-ro-'));
  writeFileSync(join(dir, 'file'), 'not a folder');
  return join(dir, 'file', 'progress');
}

/** A read-only tmpfs mount (EROFS even for root), or undefined where mounting is not allowed. */
export function readOnlyMount(): { dir: string; release(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-rofs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { dir, release: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}
