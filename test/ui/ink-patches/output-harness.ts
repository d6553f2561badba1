import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
// Ink's own Output, imported by its file path so that vitest.config.ts's swap (which catches Ink's `./output.js`) leaves it alone.
import InkOutput from '../../../node_modules/ink/build/output.js';
import stringWidth from '../../../src/ui/fast-string-width.js';
import RowCachedOutput from '../../../src/ui/ink-patches/row-cached-output.js';

export type Transformer = (line: string, index: number) => string;
export type Clip = { x1?: number; x2?: number; y1?: number; y2?: number };
export type Op = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };
export interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

export function draw(output: OutputLike, ops: Op[]): { output: string; height: number } {
  for (const op of ops) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: op.transformers });
    else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output.get();
}

/** Inserts `addition` after the one match of `anchor` in `source`, or throws: Ink's build no longer has the spot #930 changed. */
function insertAfter(source: string, anchor: RegExp, addition: string): string {
  const matches = source.match(new RegExp(anchor, 'g')) ?? [];
  if (matches.length !== 1) throw new Error(`expected one ${anchor} in ink/build/output.js, found ${matches.length}`);
  return source.replace(anchor, (found) => `${found}\n${addition}\n`);
}

/**
 * Ink 7.0's Output: Ink 6.8's build/output.js with PR #930's two hunks (commit 06d53f4, the whole of
 * `git diff v6.8.0 v7.0.0 -- src/output.ts`) inserted where that commit puts them, and run with the
 * dependencies Ink's own gets here (the fast string-width, as vitest.config.ts and the bundle give
 * it), so it differs from Ink 6.8 exactly by the fix the patch ports.
 */
function ink70Class(): OutputClass {
  let source = readFileSync(join(import.meta.dirname, '../../../node_modules/ink/build/output.js'), 'utf8');
  source = source.replace(/^import .*$/gm, '').replace('export default class Output', 'class Output');
  source = insertAfter(source, /let offsetX = x;/, `
    if (characters.length === 0) { offsetY++; continue; }
    const spaceCell = { type: 'char', value: ' ', fullWidth: false, styles: [] };
    if (currentLine[offsetX]?.value === '' && offsetX > 0 && this.caches.getStringWidth(currentLine[offsetX - 1]?.value ?? '') > 1) currentLine[offsetX - 1] = spaceCell;`);
  source = insertAfter(source, /offsetX \+= characterWidth;\s*\}/, `
    if (currentLine[offsetX]?.value === '') currentLine[offsetX] = spaceCell;`);
  const define = new Function('sliceAnsi', 'stringWidth', 'styledCharsFromTokens', 'styledCharsToString', 'tokenize', `${source}\nreturn Output;`);
  return define(sliceAnsi, stringWidth, styledCharsFromTokens, styledCharsToString, tokenize) as OutputClass;
}

const Ink70Output = ink70Class();

export const ink68 = (width: number, height: number): OutputLike => new InkOutput({ width, height }) as unknown as OutputLike;
export const ink70 = (width: number, height: number): OutputLike => new Ink70Output({ width, height });
export const cached = (width: number, height: number): OutputLike => new RowCachedOutput({ width, height });
