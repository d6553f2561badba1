import { createContext, useContext } from 'react';
import type { Colour } from '../core/markdown/styled-line.js';

/** The characters the UI draws with; the ASCII set is for terminals without box-drawing glyphs. */
export interface Glyphs {
  pointer: string;
  arrowRight: string;
  arrowLeft: string;
  lineH: string;
  lineV: string;
  dot: string;
  ellipsis: string;
  separator: string;
  up: string;
  down: string;
  left: string;
  right: string;
  cursor: string;
  play: string;
  pause: string;
  barFull: string;
  barEmpty: string;
}

const UNICODE: Glyphs = {
  pointer: '›', arrowRight: '▶', arrowLeft: '◀', lineH: '─', lineV: '│', dot: '●', ellipsis: '…', separator: '·',
  up: '↑', down: '↓', left: '←', right: '→', cursor: '█', play: '▶', pause: '⏸', barFull: '█', barEmpty: '░',
};

const ASCII: Glyphs = {
  pointer: '>', arrowRight: '>', arrowLeft: '<', lineH: '-', lineV: '|', dot: 'o', ellipsis: '...', separator: '|',
  up: 'Up', down: 'Down', left: 'Left', right: 'Right', cursor: '_', play: '>', pause: '||', barFull: '#', barEmpty: '.',
};

/** How the UI looks: colour or not, glyph set, and whether motion is allowed. */
export interface Theme {
  colour: boolean;
  ascii: boolean;
  reducedMotion: boolean;
  glyphs: Glyphs;
  /** Ink border style for boxes. */
  border: 'round' | 'classic';
  /** Colours by meaning, so screens never pick raw colours. */
  tone: Record<Tone, Colour | undefined>;
}

/** What a coloured piece of text means. */
export type Tone = 'accent' | 'muted' | 'good' | 'warn' | 'bad' | 'info' | 'match';

/** The display preferences the app starts with. */
export interface ThemeOptions {
  colour: boolean;
  ascii: boolean;
  reducedMotion: boolean;
}

/** Builds the theme; without colour every tone is undefined, so meaning must never rest on colour alone. */
export function makeTheme(options: ThemeOptions): Theme {
  const tone: Theme['tone'] = options.colour
    ? { accent: 'cyan', muted: 'gray', good: 'green', warn: 'yellow', bad: 'red', info: 'blue', match: 'magenta' }
    : { accent: undefined, muted: undefined, good: undefined, warn: undefined, bad: undefined, info: undefined, match: undefined };
  return { ...options, glyphs: options.ascii ? ASCII : UNICODE, border: options.ascii ? 'classic' : 'round', tone };
}

/** The theme in effect for a subtree. */
export const ThemeContext = createContext<Theme>(makeTheme({ colour: true, ascii: false, reducedMotion: false }));

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
