import { nextRandom, type PrngState } from '../../src/core/dns-sim/prng.js';

/** A seeded draw of numbers, for generating fuzz cases that are the same on every run. */
export class Draw {
  constructor(private state: PrngState) {}

  /** An integer in [0, n). */
  below(n: number): number {
    const step = nextRandom(this.state);
    this.state = step.state;
    return Math.floor(step.value * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const HUGE_NUMBERS = ['9'.repeat(400), '1e308', '-1', '4294967296', '2147483648', 'NaN', 'Infinity', '0x10', '1.5', '99999999999999999999w'];
const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u001b]52;c;aGk=\u0007', '\u001b[2J', '\u009b31m', '\u007f', '\t', '\f', '\v', '\u2028', '\uFEFF'];
const STRUCTURE = ['(', ')', '"', '\\', ';', '$ORIGIN', '$TTL', '$INCLUDE /etc/passwd', '$GENERATE 1-9 a$ A 1.2.3.$', '@', '*', '.', '..', ':', '- ', '[', ']', '{', '}', '&a', '*a', '!!js/function', '---', '? ', '%YAML 1.2'];

/** One change to a file's bytes, named so a failure can say what was done. */
export type Mutation = { name: string; apply(bytes: Buffer, draw: Draw): Buffer };

function insertAt(bytes: Buffer, draw: Draw, text: string | Buffer): Buffer {
  const at = draw.below(bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), bytes.subarray(at)]);
}

function replaceToken(bytes: Buffer, draw: Draw, pattern: RegExp, replacement: string): Buffer {
  const text = bytes.toString('latin1');
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return insertAt(bytes, draw, replacement);
  const match = draw.pick(matches);
  const at = match.index;
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(replacement, 'utf8'), bytes.subarray(at + match[0].length)]);
}

/** The kinds of damage a shared world file can carry. */
export const MUTATIONS: Mutation[] = [
  { name: 'random bytes', apply: (b, d) => insertAt(b, d, Buffer.from(Array.from({ length: 1 + d.below(64) }, () => d.below(256)))) },
  { name: 'control character', apply: (b, d) => insertAt(b, d, d.pick(CONTROLS)) },
  { name: 'huge number', apply: (b, d) => replaceToken(b, d, /\d+/g, d.pick(HUGE_NUMBERS)) },
  { name: 'deep name', apply: (b, d) => replaceToken(b, d, /[a-z][a-z0-9-]*(\.[a-z0-9-]+)+\.?/g, `${'a.'.repeat(60 + d.below(400))}example.com.`) },
  { name: 'long label', apply: (b, d) => replaceToken(b, d, /[a-z][a-z0-9-]*/g, 'x'.repeat(64 + d.below(2000))) },
  { name: 'CR-only line ends', apply: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1') },
  { name: 'CRLF line ends', apply: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1') },
  { name: 'structure token', apply: (b, d) => insertAt(b, d, ` ${d.pick(STRUCTURE)} `) },
  { name: 'deep nesting', apply: (b, d) => insertAt(b, d, d.pick(['(', '[', '{', '- ']).repeat(200 + d.below(2000))) },
  { name: 'truncated', apply: (b, d) => b.subarray(0, d.below(b.length + 1)) },
  { name: 'empty', apply: () => Buffer.alloc(0) },
  { name: 'line repeated', apply: (b, d) => {
    const lines = b.toString('latin1').split('\n');
    const line = d.pick(lines);
    return Buffer.from([...lines, ...Array.from({ length: 1 + d.below(300) }, () => line)].join('\n'), 'latin1');
  } },
  { name: 'line dropped', apply: (b, d) => {
    const lines = b.toString('latin1').split('\n');
    lines.splice(d.below(lines.length), 1);
    return Buffer.from(lines.join('\n'), 'latin1');
  } },
  { name: 'invalid UTF-8', apply: (b, d) => insertAt(b, d, Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80])) },
];
