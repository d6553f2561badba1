import { lstat, readFile, stat } from 'node:fs/promises';
import { stripControl } from '../core/text/sanitize.js';

/** Largest text file read for a command option (a resolv.conf is a few hundred bytes). */
const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** The text of a file, or a one-line reason it could not be read. */
export type TextFileResult = { ok: true; text: string } | { ok: false; message: string };

/** Stricter rules for a file of untrusted instructions (a session file): a smaller limit, and no symbolic link. */
export interface TextFileRules {
  maxBytes: number;
  /** What the file is, for the refusal of a symbolic link ("a session file"). */
  refuseSymlinkAs?: string;
}

/** Reads a small UTF-8 text file; failures come back as a message naming the file, never as an exception. */
export async function readTextFile(path: string, rules: TextFileRules = { maxBytes: MAX_TEXT_FILE_BYTES }): Promise<TextFileResult> {
  // The path is the user's (a flag value): quoted without its control characters.
  const shown = stripControl(path);
  try {
    // A shared session file that is a link could make the run read any file on the machine, so it is refused, not followed.
    if (rules.refuseSymlinkAs && (await lstat(path)).isSymbolicLink()) return { ok: false, message: `${shown}: ${rules.refuseSymlinkAs} cannot be a symbolic link; name the file itself` };
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${shown} is not a file` };
    if (info.size > rules.maxBytes) return { ok: false, message: `${shown} is larger than ${formatBytes(rules.maxBytes)}` };
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${shown}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}` };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
