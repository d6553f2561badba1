import { stripControl } from '../../text/sanitize.js';

/** A problem in a world file: the file, the 1-based line (0 when it concerns the whole file), and what is wrong. */
export interface FileLineError {
  file: string;
  line: number;
  message: string;
}

/** Formats a problem the way compilers do, "example.com.zone:12: MX needs a preference and an exchange"; the file name and the message quote the world's own text, so both pass through stripControl. */
export function formatFileError(error: FileLineError): string {
  const file = stripControl(error.file);
  const message = stripControl(error.message);
  return error.line > 0 ? `${file}:${error.line}: ${message}` : `${file}: ${message}`;
}
