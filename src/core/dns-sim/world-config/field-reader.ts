/** Reports problems at the line of a YAML path, so the field readers stay free of line bookkeeping. */
export interface FieldReader {
  lineOf(path: (string | number)[]): number;
  fail(path: (string | number)[], message: string): void;
}
