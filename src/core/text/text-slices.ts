/** A long string of a value replaced by where it stands in a source text: `{ $slice: [start, end] }` of that text. */
export interface TextSlice {
  $slice: [number, number];
}

/** Strings shorter than this stay as they are: a slice reference would save little and cost a lookup. */
const MIN_SLICE_LENGTH = 64;

/**
 * A copy of `value` in which every string of at least 64 characters that occurs in `text` is replaced by its place in
 * it, so a value derived from a file can be stored without the file's text a second time (fromTextSlices undoes it).
 */
export function toTextSlices(value: unknown, text: string): unknown {
  if (typeof value === 'string') {
    if (value.length < MIN_SLICE_LENGTH) return value;
    const start = text.indexOf(value);
    return start < 0 ? value : ({ $slice: [start, start + value.length] } satisfies TextSlice);
  }
  if (Array.isArray(value)) return value.map((item) => toTextSlices(item, text));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toTextSlices(item, text)]));
  return value;
}

/** The value toTextSlices stored, with each slice reference read back from the same `text`. */
export function fromTextSlices<T>(value: unknown, text: string): T {
  return restore(value, text) as T;
}

function restore(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((item) => restore(item, text));
  if (value === null || typeof value !== 'object') return value;
  const slice = (value as Partial<TextSlice>).$slice;
  if (Array.isArray(slice) && Object.keys(value).length === 1) return text.slice(slice[0], slice[1]);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item, text)]));
}
