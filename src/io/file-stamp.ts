/** What a file's stamp records: enough to tell that its bytes may have changed without opening it. */
export interface StampedFile {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * One file's part of a cache key made from file stamps (name, size, modification time and inode): equal parts mean
 * the same bytes as far as the card cache trusts those facts. Every stamp-keyed cache (card summaries, the world
 * folder, the renames tables) joins these parts.
 */
export function fileStampPart(name: string, ...files: StampedFile[]): string {
  return `\u0000${name}${files.map((file) => `\u0000${file.size}\u0000${file.mtimeMs}\u0000${file.ino}`).join('')}`;
}
