import { lstat, readFile } from 'node:fs/promises';
import { stripControl } from '../core/text/sanitize.js';

/** Largest session file read: a session of a few dozen steps is a few kilobytes. */
export const MAX_SESSION_FILE_BYTES = 256 * 1024;

/** A session file's text, or why it was not read. */
export type SessionTextResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a session file the user named: a regular file (a symbolic link is refused, as a shared session could point anywhere) of at most 256 KiB. */
export async function readSessionText(path: string): Promise<SessionTextResult> {
  const shown = stripControl(path);
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return { ok: false, message: `${shown}: a session file cannot be a symbolic link; name the file itself` };
    if (!info.isFile()) return { ok: false, message: `${shown} is not a file` };
    if (info.size > MAX_SESSION_FILE_BYTES) return { ok: false, message: `${shown} is larger than ${MAX_SESSION_FILE_BYTES / 1024} KiB, the most a session file may be` };
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${shown}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}` };
  }
}
