import type { Stats } from 'node:fs';

/** What a path is when it is not a regular file, in words for an error message ("a FIFO (named pipe)", "a folder"). */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A size in mebibytes for a message: one decimal below 10 MiB, whole above. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}
