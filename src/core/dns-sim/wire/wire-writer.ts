// A pointer holds a 14-bit offset from the start of the message (RFC 1035 section 4.1.4).
const MAX_POINTER_OFFSET = 0x3fff;

/** A position in a message being written, to roll back to when an RRset does not fit. */
export interface WriterMark {
  offset: number;
  suffixCount: number;
}

/**
 * Writes a DNS message into a buffer, compressing names as RFC 1035 section 4.1.4 allows: a name
 * is its labels up to the longest suffix already written, then a two-byte pointer to that suffix.
 *
 * Suffixes match case-insensitively, as NSD 4.6.1 (the measured authoritative servers) and Unbound
 * 1.17.1 do (util/data/dname.c, dname_lab_cmp compares with tolower); so an owner name may point at
 * a 0x20-mixed-case question name, and the question itself is always written exactly as it travels.
 * BIND 9.18 instead compresses case-sensitively when it answers (lib/ns/client.c sets
 * dns_compress_setsensitive unless no-case-compress matches); no simulated server models that.
 */
export class WireWriter {
  offset = 0;
  // The lowercase text of every suffix written in a compressible position, and where it starts.
  private readonly suffixes = new Map<string, number>();
  private readonly suffixOrder: string[] = [];

  constructor(public buffer: Buffer) {}

  /** Makes sure `bytes` more bytes fit, growing the buffer when they would not. */
  reserve(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }

  /** Writes a 16-bit big-endian number. */
  u16(value: number): void {
    this.offset = this.buffer.writeUInt16BE(value, this.offset);
  }

  /** Writes a 32-bit big-endian number. */
  u32(value: number): void {
    this.offset = this.buffer.writeUInt32BE(value, this.offset);
  }

  /** Writes a name (stored form: no trailing dot, "" for the root), ending in a pointer to the longest suffix already written. */
  name(stored: string): void {
    const name = stored.endsWith('.') ? stored.slice(0, -1) : stored;
    const lower = name.toLowerCase();
    let start = 0;
    while (start < name.length) {
      const suffix = lower.slice(start);
      const earlier = this.suffixes.get(suffix);
      if (earlier !== undefined) {
        this.u16(0xc000 | earlier);
        return;
      }
      // Only offsets a pointer can reach become targets.
      if (this.offset <= MAX_POINTER_OFFSET) {
        this.suffixes.set(suffix, this.offset);
        this.suffixOrder.push(suffix);
      }
      const dot = name.indexOf('.', start);
      const end = dot === -1 ? name.length : dot;
      const length = this.buffer.write(name.slice(start, end), this.offset + 1, 'utf8');
      this.buffer[this.offset] = length;
      this.offset += length + 1;
      start = end + 1;
    }
    this.buffer[this.offset++] = 0;
  }

  /** The current position, for rollback. */
  mark(): WriterMark {
    return { offset: this.offset, suffixCount: this.suffixOrder.length };
  }

  /** Forgets everything written since the mark, names included, so no later pointer can reach into it. */
  rollback(mark: WriterMark): void {
    this.offset = mark.offset;
    for (const suffix of this.suffixOrder.splice(mark.suffixCount)) this.suffixes.delete(suffix);
  }

  /** A copy of the bytes written. */
  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.subarray(0, this.offset));
  }
}
