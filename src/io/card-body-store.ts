import { closeSync, fstatSync, openSync, read, readdirSync, readFileSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CardBody } from '../core/cards/types.js';
import { CACHE_FREE_SPACE_FLOOR_BYTES, statfsFreeBytesSync, writeCacheFileSync } from './cache-space.js';

/** Where one body lies in the body file: byte offset and length. */
export type BodySpan = [offset: number, length: number];

/** What a stored body is checked against before it is trusted: the card file it came from. */
export interface BodyKey {
  path: string;
  size: number;
  mtimeMs: number;
}

interface BodyRecord extends BodyKey {
  body: CardBody;
}

/** Reads `length` bytes at `offset` of a file; injected by tests to count what a command reads. */
export type SpanReader = (file: string, offset: number, length: number) => Buffer;

/** Reads one span with a single positioned read. */
export const readSpan: SpanReader = (file, offset, length) => {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, offset);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
};

/**
 * One file of card bodies per card folder, records appended one after another; the folder's index
 * holds each body's span, so a command reads only the bodies it shows. A record names the card file
 * (path, size, mtime) it was parsed from and is used only when that matches: a torn append, a
 * concurrent writer or a damaged file is a miss (the card file is parsed again), never a wrong card.
 */
export class CardBodyStore {
  /** The whole file, being read since prefetch() asked for it; dropped when this store writes the file. */
  private prefetched: Promise<Buffer> | undefined;

  constructor(
    /** The body file's path; a new one is named when the old is compacted. */
    public file: string,
    private readonly reader: SpanReader = readSpan,
  ) {}

  /**
   * Starts reading the whole file off the main thread, for a readOnDemand to come: the read then runs while the caller
   * walks the card folder and reads the index (10,000 generated cards: a 30 MB file, read in about 20 to 40 ms).
   */
  prefetch(): void {
    this.prefetched ??= readWholeFile(this.file);
    // Read or not, the bytes are awaited (and a failure met) only by readOnDemand.
    this.prefetched.catch(() => undefined);
  }

  /** The body at a span, if the record there is the one for this card file. */
  read(key: BodyKey, span: BodySpan): CardBody | undefined {
    try {
      return decodeRecord(this.reader(this.file, span[0], span[1]), key);
    } catch {
      return undefined;
    }
  }

  /** Every body asked for, reading the whole file once (for commands that need every card). */
  readMany(wanted: Array<{ key: BodyKey; span: BodySpan }>): Map<string, CardBody> {
    const found = new Map<string, CardBody>();
    let all: Buffer;
    try {
      all = readFileSync(this.file);
    } catch {
      return found;
    }
    for (const { key, span } of wanted) {
      try {
        const body = decodeRecord(all.subarray(span[0], span[0] + span[1]), key);
        if (body) found.set(key.path, body);
      } catch {
        // A damaged record is a miss: the card file is parsed again.
      }
    }
    return found;
  }

  /**
   * Every body asked for whose record is in place, each parsed only when first asked for: the file is read once, and
   * each record's key (the card file's path, size and mtime, which a record starts with) and its bounds are checked
   * now, so a torn append, another writer's record or a wrong span is a miss here, as in readMany. The file is read
   * asynchronously: the app reads it while its UI code loads (3 MB at 1,000 cards).
   */
  async readOnDemand(wanted: Array<{ key: BodyKey; span: BodySpan }>): Promise<Map<string, () => CardBody | undefined>> {
    const found = new Map<string, () => CardBody | undefined>();
    // Nothing to read: an early read's bytes are let go, not kept for the life of the store.
    if (wanted.length === 0) {
      this.prefetched = undefined;
      return found;
    }
    let all: Buffer;
    try {
      all = await (this.prefetched ?? readWholeFile(this.file));
    } catch {
      return found;
    } finally {
      this.prefetched = undefined;
    }
    // Once every record found here is parsed, the file's bytes are let go (3 MB at 1,000 cards).
    const file: { bytes?: Buffer; unread: number } = { bytes: all, unread: 0 };
    for (const { key, span } of wanted) {
      const [offset, length] = span;
      if (offset + length > all.byteLength || all[offset + length - 1] !== CLOSING_BRACE) continue;
      const head = recordHead(key);
      if (!all.subarray(offset, offset + head.byteLength).equals(head)) continue;
      file.unread++;
      let body: CardBody | undefined | null = null;
      found.set(key.path, () => {
        if (body === null) {
          try {
            body = decodeRecord(file.bytes!.subarray(offset, offset + length), key);
          } catch {
            body = undefined;
          }
          // A record damaged inside (on disk, past the checks above) gives its card no body for this run; the file goes,
          // so the next load misses every body and parses the card files again, as for any damaged body file.
          if (body === undefined) this.discard();
          if (--file.unread === 0) delete file.bytes;
        }
        return body;
      });
    }
    return found;
  }

  /** Deletes the body file (best effort): every body in it is then a miss. */
  private discard(): void {
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone, or a read-only cache: the record check refuses it again next time.
    }
  }

  /** Appends records in one write and returns their spans; undefined when nothing could be written. */
  append(records: Array<{ key: BodyKey; body: CardBody }>): BodySpan[] | undefined {
    this.prefetched = undefined;
    const encoded = records.map(({ key, body }) => encodeRecord(key, body));
    const data = Buffer.concat(encoded);
    const free = statfsFreeBytesSync(dirname(this.file));
    if (free !== undefined && free - data.byteLength < CACHE_FREE_SPACE_FLOOR_BYTES) return undefined;
    const fd = openSync(this.file, 'a');
    try {
      let offset = fstatSync(fd).size;
      // One write with O_APPEND: another process's append cannot land inside it; if one lands before it,
      // the spans below are wrong and every record read there fails its key check (a miss, not an error).
      writeSync(fd, data);
      return encoded.map((record) => {
        const span: BodySpan = [offset, record.byteLength];
        offset += record.byteLength;
        return span;
      });
    } finally {
      closeSync(fd);
    }
  }

  /** The body file's size in bytes (0 when it is missing). */
  size(): number {
    try {
      const fd = openSync(this.file, 'r');
      try {
        return fstatSync(fd).size;
      } finally {
        closeSync(fd);
      }
    } catch {
      return 0;
    }
  }

  /** Writes the live records to a new file (temp and rename) and returns their new spans; the old file is removed once the caller's index names the new one. */
  compact(live: Array<{ key: BodyKey; span: BodySpan }>, newFile: string): Map<string, BodySpan> {
    const bodies = this.readMany(live);
    const spans = new Map<string, BodySpan>();
    const chunks: Buffer[] = [];
    let offset = 0;
    for (const { key } of live) {
      const body = bodies.get(key.path);
      if (!body) continue;
      const record = encodeRecord(key, body);
      spans.set(key.path, [offset, record.byteLength]);
      chunks.push(record);
      offset += record.byteLength;
    }
    writeCacheFileSync(newFile, Buffer.concat(chunks));
    this.file = newFile;
    this.prefetched = undefined;
    return spans;
  }
}

/** Removes the body files of a folder's cache other than the one its index names (left by compaction or a crash). */
export function removeOtherBodyFiles(current: string, prefix: string): void {
  try {
    for (const name of readdirSync(dirname(current))) {
      if (name.startsWith(prefix) && name.endsWith('.bodies') && name !== basename(current)) unlinkSync(join(dirname(current), name));
    }
  } catch {
    // Another process removed it first, or the folder cannot be listed: it only costs disk space.
  }
}

const CLOSING_BRACE = 0x7d;

/**
 * The file's bytes in one read on the thread pool: opened and sized here, so that nothing is left for the main thread to
 * do until the bytes are in (fs.readFile takes five round trips through it: open, size, a read every 512 KiB, close,
 * each waiting for the main thread, which stalls the read while the main thread is busy). fs's callback API, not
 * fs/promises: that module brings readline and the fs watchers into every command.
 */
function readWholeFile(file: string): Promise<Buffer> {
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(file, 'r');
    bytes = Buffer.allocUnsafe(fstatSync(fd).size);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return Promise.reject(error as Error);
  }
  const opened = fd;
  return new Promise((resolve, reject) => {
    const readFrom = (offset: number): void =>
      // At most 1 GiB a read: fs refuses a longer one.
      read(opened, bytes, offset, Math.min(bytes.length - offset, 2 ** 30), offset, (error, count) => {
        // A short read (the file shrank, or the system split it) reads on; end of file ends it.
        if (!error && count > 0 && offset + count < bytes.length) return readFrom(offset + count);
        closeSync(opened);
        if (error) reject(error);
        else resolve(bytes.subarray(0, offset + count));
      });
    readFrom(0);
  });
}

// The key's fields first, always in this order: readOnDemand checks a record by the bytes it starts with.
function encodeRecord(key: BodyKey, body: CardBody): Buffer {
  return Buffer.from(JSON.stringify({ path: key.path, size: key.size, mtimeMs: key.mtimeMs, body } satisfies BodyRecord));
}

// The bytes a record of this card file starts with (see encodeRecord).
function recordHead(key: BodyKey): Buffer {
  return Buffer.from(`{"path":${JSON.stringify(key.path)},"size":${JSON.stringify(key.size)},"mtimeMs":${JSON.stringify(key.mtimeMs)},"body":`);
}

function decodeRecord(bytes: Buffer, key: BodyKey): CardBody | undefined {
  const record = JSON.parse(bytes.toString('utf8')) as Partial<BodyRecord> | null;
  if (!record || record.path !== key.path || record.size !== key.size || record.mtimeMs !== key.mtimeMs) return undefined;
  const body = record.body;
  if (!body || !Array.isArray(body.sections) || !Array.isArray(body.keyPoints) || !Array.isArray(body.practiceQuestions)) return undefined;
  return body;
}
