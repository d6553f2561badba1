import { describe, expect, it } from 'vitest';
import { ansiLine } from '../../../src/ui/components/ansi-line.js';

describe('ansiLine', () => {
  it.each([
    ['plain runs stay plain', [{ text: 'dns ' }, { text: 'ttl' }], 'dns ttl'],
    ['each attribute opens and closes with its own code', [{ text: 'a', style: { bold: true } }, { text: 'b', style: { dim: true } }, { text: 'c', style: { inverse: true } }], '\u001b[1ma\u001b[22m\u001b[2mb\u001b[22m\u001b[7mc\u001b[27m'],
    ['a colour closes with 39, after the attributes close in reverse order', [{ text: 'x', style: { bold: true, underline: true, colour: 'cyan' as const } }], '\u001b[1m\u001b[4m\u001b[36mx\u001b[39m\u001b[24m\u001b[22m'],
    ['an empty run writes nothing', [{ text: '', style: { bold: true } }, { text: 'y' }], 'y'],
  ])('%s', (_name, line, expected) => {
    expect(ansiLine(line, true)).toBe(expected);
  });

  it('writes no escape at all without colour, as chalk does then', () => {
    expect(ansiLine([{ text: ' › ', style: { bold: true, colour: 'cyan' } }, { text: 'Glue', style: { inverse: true, underline: true } }], false)).toBe(' › Glue');
  });

  it('never resets everything, so an outer style around the line survives it', () => {
    expect(ansiLine([{ text: 'a', style: { bold: true, colour: 'magenta' } }, { text: 'b', style: { strike: true, italic: true } }], true)).not.toMatch(/\u001b\[0?m/);
  });
});
