import { readFile, stat } from 'node:fs/promises';
import { stripControl } from '../core/text/sanitize.js';

/** Largest text file read for a command option (a resolv.conf is a few hundred bytes). */
const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** The text of a file, or a one-line reason it could not be read. */
export type TextFileResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a small UTF-8 text file; failures come back as a message naming the file, never as an exception. */
export async function readTextFile(path: string): Promise<TextFileResult> {
  // The path is the user's (a flag value): quoted without its control characters.
  const shown = stripControl(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, message: `${shown} is not a file` };
    if (info.size > MAX_TEXT_FILE_BYTES) return { ok: false, message: `${shown} is larger than 1 MiB` };
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${shown}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}` };
  }
}
