import type { StyledLine } from '../../markdown/styled-line.js';

/** A titled block of the stats report. */
export interface StatsSection {
  title: string;
  lines: StyledLine[];
}
