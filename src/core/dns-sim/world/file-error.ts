/** A problem in a world file: the file, the 1-based line (0 when it concerns the whole file), and what is wrong. */
export interface FileLineError {
  file: string;
  line: number;
  message: string;
}

/** Formats a problem the way compilers do, "example.com.zone:12: MX needs a preference and an exchange". */
export function formatFileError(error: FileLineError): string {
  return error.line > 0 ? `${error.file}:${error.line}: ${error.message}` : `${error.file}: ${error.message}`;
}
