import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { keyHash } from '../core/text/text-hash.js';
import { writeCacheFileSync } from './cache-space.js';
import { makeFolder } from './make-folder.js';
import { packageRoot } from './package-paths.js';

declare const __SWELEARN_BUILD_ID__: string | undefined;

/** This build's id, or undefined when running from source; it changes with every build, so a value cached by older code is never served. */
export function currentBuildId(): string | undefined {
  return typeof __SWELEARN_BUILD_ID__ === 'string' ? __SWELEARN_BUILD_ID__ : undefined;
}

/**
 * The cache key of a value derived from `inputs` by a build's code, or undefined without a build (nothing is cached then).
 * A 64-bit keyHash, not node:crypto: the inputs change by accident, never by an adversary, and `swelearn stats` asks
 * for a key before its first frame, which loading node:crypto would delay by about 2 ms.
 */
export function derivedKey(buildId: string | undefined, ...inputs: string[]): string | undefined {
  if (buildId === undefined) return undefined;
  return keyHash([buildId, ...inputs].join('\u0000'));
}

/** Where the build keeps the values it derived from the bundled cards and world (`dist/seed/`), or undefined without a build. */
export function builtSeedDir(): string | undefined {
  return currentBuildId() === undefined ? undefined : join(packageRoot(), 'dist', 'seed');
}

/**
 * The value stored under a name for this key: from the cache folder, else from the build's seed, which holds
 * what the build derived from the bundled cards and world under the same keys (so a first run with an empty
 * cache folder does not lex every key point or run every scenario); undefined when neither holds this key.
 */
export function readDerived<T>(cacheDir: string, name: string, key: string, seedDir: string | undefined = builtSeedDir(), parsed?: ParsedBytes): T | undefined {
  return fromCacheOrSeed(cacheDir, seedDir, name, (file) => readStored<T>(file, key, parsed));
}

// The file `<name>.json` read from the cache folder, else from the build's seed.
function fromCacheOrSeed<T>(cacheDir: string, seedDir: string | undefined, name: string, read: (file: string) => T | undefined): T | undefined {
  return read(join(cacheDir, `${name}.json`)) ?? (seedDir === undefined ? undefined : read(join(seedDir, `${name}.json`)));
}

/** Where a test counts the bytes of stored values parsed (when bytesParsed is set), and the bytes and reads of stored records (when bytesRead is set). */
export interface ParsedBytes {
  bytesParsed?: number;
  bytesRead?: number;
  reads?: number;
}

function readStored<T>(file: string, key: string, parsed: ParsedBytes | undefined): T | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    // writeDerived puts the key first: a file of another key is told apart without parsing its value (hundreds of KB).
    if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    if (parsed?.bytesParsed !== undefined) parsed.bytesParsed += text.length;
    const stored = JSON.parse(text) as { key: string; value: T };
    return stored.key === key ? stored.value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a value under a name (one file, replaced atomically); a cache that cannot be written only costs speed. */
export function writeDerived(cacheDir: string, name: string, key: string, value: unknown): void {
  writeNamed(cacheDir, name, () => JSON.stringify({ key, value }));
}

// Writes `<name>.json` in the cache folder; a read-only cache folder only means computing it again next time.
function writeNamed(cacheDir: string, name: string, text: () => string): void {
  try {
    makeFolder(cacheDir);
    writeCacheFileSync(join(cacheDir, `${name}.json`), text());
  } catch {
    // Not written: the next run derives it again.
  }
}

/** Records stored with `writeDerivedRecords`: every record's head, and each record's body parsed the first time it is read. */
export interface DerivedRecords<H, B> {
  heads: H[];
  body(index: number): B;
}

/**
 * The records stored under a name for this key (from the cache folder, else the build's seed), with only their heads
 * parsed: a quiz reads the fields it picks items by for every item, and the rest only for the items it asks.
 */
export function readDerivedRecords<H, B>(cacheDir: string, name: string, key: string, seedDir: string | undefined = builtSeedDir(), parsed?: ParsedBytes): DerivedRecords<H, B> | undefined {
  return fromCacheOrSeed(cacheDir, seedDir, name, (file) => readRecords<H, B>(file, key, parsed));
}

// One line of JSON, {"key":…,"value":{"heads":[…],"ends":[…]}}, then the bodies' JSON texts one after another, each
// ending where `ends` says (in UTF-8 bytes after the line). JSON.stringify never writes a raw line break. Only the line
// is read, and each body when it is first asked for, from the file kept open until no item can ask any more (a file
// replaced since still reads as it was): a quiz asks for a few dozen bodies, and reading every one (three MB at
// 1,000 cards, kept as long as any item was) was most of what the quiz's items cost in memory.
function readRecords<H, B>(file: string, key: string, parsed: ParsedBytes | undefined): DerivedRecords<H, B> | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const line = readFirstLine(fd, size, Buffer.from(`{"key":${JSON.stringify(key)},`), parsed);
    if (!line) return undefined;
    const { value } = JSON.parse(line.toString('utf8')) as { value: { heads: H[]; ends: number[] } };
    const { heads, ends } = value;
    const bodiesAt = line.length + 1;
    if (!Array.isArray(heads) || !Array.isArray(ends) || ends.length !== heads.length || bodiesAt + (ends.at(-1) ?? 0) !== size) return undefined;
    if (parsed?.bytesParsed !== undefined) parsed.bytesParsed += line.length;
    const open = fd;
    fd = undefined;
    // One buffer, read into again and again: a buffer for each read is freed only when the collector runs, and the
    // few hundred a first quiz reads (the texts its options are keyed by) added megabytes to the quiz screen's memory.
    let window = Buffer.allocUnsafe(0);
    let windowAt = 0;
    let windowEnd = 0;
    const body = (index: number): B => {
      const start = index === 0 ? 0 : ends[index - 1]!;
      const end = ends[index]!;
      // Read with the bodies after it: a pass over every item (a summary, a listing) then reads the file in a few dozen
      // reads, where a read for each body took 2 to 3 times as long as reading the whole file.
      if (start < windowAt || end > windowEnd) {
        if (window.length < Math.max(end - start, BODIES_WINDOW_BYTES)) window = Buffer.allocUnsafe(Math.max(end - start, BODIES_WINDOW_BYTES));
        // Emptied first: a read that fails part way leaves the buffer holding no body.
        windowEnd = windowAt = 0;
        const read = readAt(open, bodiesAt + start, window.subarray(0, Math.max(end, Math.min(start + window.length, size - bodiesAt)) - start), parsed);
        [windowAt, windowEnd] = [start, start + read];
      }
      const bytes = window.subarray(start - windowAt, end - windowAt);
      if (parsed?.bytesParsed !== undefined) parsed.bytesParsed += bytes.length;
      return JSON.parse(bytes.toString('utf8')) as B;
    };
    recordFiles.register(body, open);
    return { heads, body };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// How much of the file a body is read with: a quiz asks for about 20 bodies here and there.
const BODIES_WINDOW_BYTES = 32 * 1024;

// Closes a records file once the function reading its bodies is collected.
const recordFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing holds it.
  }
});

// The file's first line, without its newline, when the file starts with `prefix`; read in growing chunks up to the newline.
function readFirstLine(fd: number, size: number, prefix: Buffer, parsed: ParsedBytes | undefined): Buffer | undefined {
  let bytes = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
  let filled = 0;
  while (filled < bytes.length) {
    const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
    if (read === 0) return undefined;
    counted(parsed, read);
    const from = filled;
    filled += read;
    if (filled < prefix.length) continue;
    if (from < prefix.length && !bytes.subarray(0, prefix.length).equals(prefix)) return undefined;
    const newline = bytes.indexOf(0x0a, from);
    if (newline >= 0 && newline < filled) return bytes.subarray(0, newline);
    if (filled === bytes.length && filled < size) {
      const grown = Buffer.allocUnsafe(Math.min(size, bytes.length * 4));
      bytes.copy(grown, 0, 0, filled);
      bytes = grown;
    }
  }
  return undefined;
}

// Fills `bytes` from `position` and gives their length; a file cut short since its line was read is an error, never a body of old bytes.
function readAt(fd: number, position: number, bytes: Buffer, parsed: ParsedBytes | undefined): number {
  let filled = 0;
  while (filled < bytes.length) {
    const read = readSync(fd, bytes, filled, bytes.length - filled, position + filled);
    if (read === 0) throw new Error('a stored record ends early');
    filled += read;
    counted(parsed, read);
  }
  return filled;
}

function counted(parsed: ParsedBytes | undefined, bytes: number): void {
  if (parsed?.bytesRead === undefined) return;
  parsed.bytesRead += bytes;
  parsed.reads = (parsed.reads ?? 0) + 1;
}

/** Stores records under a name (one file, replaced atomically) for readDerivedRecords: each record's head, and its body. */
export function writeDerivedRecords(cacheDir: string, name: string, key: string, heads: readonly unknown[], bodies: readonly unknown[]): void {
  writeNamed(cacheDir, name, () => {
    const texts = bodies.map((body) => JSON.stringify(body));
    const ends: number[] = [];
    let end = 0;
    for (const text of texts) ends.push((end += Buffer.byteLength(text)));
    return `${JSON.stringify({ key, value: { heads, ends } })}\n${texts.join('')}`;
  });
}

