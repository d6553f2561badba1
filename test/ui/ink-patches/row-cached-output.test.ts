import { describe, expect, it } from 'vitest';
import { nextRandom, type PrngState } from '../../../src/core/random/prng.js';
import { cached, draw, ink68, ink70, type Op, type Transformer } from './output-harness.js';

// The bundle swaps Ink 6.8's Output for the row-cached one (scripts/esbuild-plugins.mjs). These tests
// hold it to producing exactly what Ink 7.0's Output produces (Ink 6.8's plus the wide-character fix
// of PR #930, output-harness.ts), frame after frame, while its caches fill: on every frame where the
// fix changes nothing, that is exactly Ink 6.8's output. wide-overlap.test.ts spells out the fix.

const STYLES = [
  ['\u001b[1m', '\u001b[22m'],
  ['\u001b[2m', '\u001b[22m'],
  ['\u001b[3m', '\u001b[23m'],
  ['\u001b[4m', '\u001b[24m'],
  ['\u001b[7m', '\u001b[27m'],
  ['\u001b[31m', '\u001b[39m'],
  ['\u001b[38;5;208m', '\u001b[39m'],
  ['\u001b[38;2;10;200;90m', '\u001b[39m'],
  ['\u001b[44m', '\u001b[49m'],
] as const;
const WORDS = ['dns', 'TTL 300', 'NXDOMAIN', '│', '─┼─', '▶', ' ', '  ', 'résumé', '漢字', 'ｆｕｌｌ', '🙂', '👩‍💻', 'e\u0301', 'a.b-c_d', '…', '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', '\u001b[1;38;5;12mmixed\u001b[0m', '\u001b[m', 'x\u001b[', 'tab\there', '›', '─', '·', '█░', '▶', '◀', '◾', '⏸', 'ⓘ'];
const TRANSFORMERS: Transformer[][] = [[], [], [(line) => line.toUpperCase()], [(line, index) => `${index}:${line}`], [(line) => `\u001b[7m${line}\u001b[27m`]];

class Random {
  constructor(private state: PrngState) {}
  next(): number {
    const draw = nextRandom(this.state);
    this.state = draw.state;
    return draw.value;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

function styledLine(random: Random): string {
  let line = '';
  for (let piece = random.int(1, 5); piece > 0; piece--) {
    const word = random.pick(WORDS);
    if (random.next() < 0.5) {
      const [open, close] = random.pick(STYLES);
      line += random.next() < 0.8 ? `${open}${word}${close}` : `${open}${word}`; // sometimes left open, as a truncated line is
    } else line += word;
  }
  return line;
}

function randomFrame(random: Random, width: number, height: number): Op[] {
  const ops: Op[] = [];
  let depth = 0;
  for (let count = random.int(1, 14); count > 0; count--) {
    const roll = random.next();
    if (roll < 0.15) {
      const clip: { x1?: number; x2?: number; y1?: number; y2?: number } = {};
      if (random.next() < 0.7) Object.assign(clip, { x1: random.int(0, width - 1), x2: random.int(0, width + 2) });
      if (random.next() < 0.7) Object.assign(clip, { y1: random.int(0, height - 1), y2: random.int(0, height + 2) });
      ops.push({ type: 'clip', clip });
      depth++;
    } else if (roll < 0.25 && depth > 0) {
      ops.push({ type: 'unclip' });
      depth--;
    } else {
      const lines = Array.from({ length: random.int(1, 3) }, () => styledLine(random));
      ops.push({ type: 'write', x: random.int(-3, width + 1), y: random.int(-2, height + 1), text: random.next() < 0.05 ? '' : lines.join('\n'), transformers: random.pick(TRANSFORMERS) });
    }
  }
  return ops;
}

describe('the row-cached Output', () => {
  it('paints what Ink paints on a plain frame with styles and wide characters', () => {
    const ops: Op[] = [
      { type: 'write', x: 0, y: 0, text: '\u001b[1mswelearn\u001b[22m  32 cards', transformers: [] },
      { type: 'write', x: 2, y: 1, text: '漢字 and 🙂\n\u001b[7mselected\u001b[27m', transformers: [] },
      { type: 'write', x: 7, y: 1, text: 'over', transformers: [] },
    ];
    const expected = draw(ink68(20, 4), ops);
    expect(draw(cached(20, 4), ops)).toEqual(expected);
    expect(expected.output.split('\n')[1]).toBe('  漢字 over🙂');
  });

  it('drops the rest of a write once a line falls off the grid, as Ink does', () => {
    const ops: Op[] = [{ type: 'write', x: 0, y: -1, text: 'above\nfirst row\nsecond row', transformers: [] }];
    expect(draw(cached(12, 3), ops)).toEqual(draw(ink68(12, 3), ops));
    expect(draw(cached(12, 3), ops).output).toBe('\n\n');
  });

  it('matches Ink 7.0 on 3000 random frames, including frames it has seen before, and so Ink 6.8 where the two agree', () => {
    const random = new Random(20261121);
    const seen: { ops: Op[]; width: number; height: number }[] = [];
    let framesTheFixChanges = 0;
    for (let frame = 0; frame < 3000; frame++) {
      const repeat = seen.length > 0 && random.next() < 0.4;
      const { ops, width, height } = repeat ? random.pick(seen) : { width: random.int(1, 30), height: random.int(1, 8), ops: [] as Op[] };
      const frameOps = repeat ? ops : randomFrame(random, width, height);
      if (!repeat) seen.push({ ops: frameOps, width, height });
      const expected = draw(ink70(width, height), frameOps);
      const actual = draw(cached(width, height), frameOps);
      if (expected.output !== draw(ink68(width, height), frameOps).output) framesTheFixChanges++;
      if (actual.output !== expected.output || actual.height !== expected.height) {
        expect({ frame, width, height, ops: frameOps.map((op) => (op.type === 'write' ? { ...op, transformers: op.transformers.length } : op)), actual }).toEqual({ expected });
      }
    }
    // Overlapping wide characters must be common enough in these frames for the comparison to test the fix.
    expect(framesTheFixChanges).toBeGreaterThan(100);
  });

  it('matches Ink on every character it splits without Intl.Segmenter, beside others and inside styles', () => {
    const ranges = [[0x20, 0x7e], [0xa0, 0x24f], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x21ff], [0x2500, 0x25ff]] as const;
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCodePoint(code);
        const ops: Op[] = [{ type: 'write', x: 1, y: 0, text: `a${char}\u001b[1m${char}${char}\u001b[22mé${char}`, transformers: [] }];
        const expected = draw(ink68(12, 1), ops);
        const actual = draw(cached(12, 1), ops);
        if (actual.output !== expected.output) expect({ code: code.toString(16), actual }).toEqual({ code: code.toString(16), actual: expected });
      }
    }
  });

  it('gives a row written the same way at a new width the new width', () => {
    const ops: Op[] = [{ type: 'write', x: 0, y: 0, text: '\u001b[7m ab \u001b[27m', transformers: [] }];
    for (const width of [2, 4, 10]) expect(draw(cached(width, 1), ops)).toEqual(draw(ink68(width, 1), ops));
  });
});
