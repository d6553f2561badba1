import type { SidePanel } from './simulator-state.js';

/** The panels the "switch panel" key cycles through at a width: none when all three fit. */
export function switchablePanels(width: number): readonly SidePanel[] {
  if (width >= 130) return [];
  if (width >= 76) return ['cache', 'packet'];
  return ['timeline', 'cache', 'packet'];
}

/** Where each part of the run view goes for a size: rows for the diagram and panels, and which panels fit side by side. */
export interface RunLayout {
  explanationRows: number;
  diagramRows: number;
  panelRows: number;
  panels: { panel: SidePanel; width: number }[];
}

/**
 * Lays the run view out: a small terminal keeps the diagram and drops panels; a wide one shows all three
 * panels. The explanation gets the lines the run's longest one needs, up to 3 (4 from 28 rows), so it reads whole.
 */
export function runLayout(width: number, height: number, chosen: SidePanel, explanationLines = 1): RunLayout {
  const least = height >= 16 ? 2 : 1;
  const explanationRows = Math.max(least, Math.min(explanationLines, height >= 28 ? 4 : height >= 20 ? 3 : least));
  const rest = Math.max(3, height - 2 - explanationRows);
  if (rest < 10) return { explanationRows, diagramRows: rest, panelRows: 0, panels: [] };
  const diagramRows = Math.max(5, Math.min(rest - 5, Math.ceil(rest * 0.45)));
  const panelRows = rest - diagramRows;
  if (width >= 130) {
    const third = Math.floor((width - 4) / 3);
    return { explanationRows, diagramRows, panelRows, panels: [{ panel: 'timeline', width: third }, { panel: 'cache', width: third }, { panel: 'packet', width: width - 4 - 2 * third }] };
  }
  if (width >= 76) {
    const side = chosen === 'packet' ? 'packet' : 'cache';
    const half = Math.floor((width - 2) / 2);
    return { explanationRows, diagramRows, panelRows, panels: [{ panel: 'timeline', width: half }, { panel: side, width: width - 2 - half }] };
  }
  return { explanationRows, diagramRows, panelRows, panels: [{ panel: chosen, width }] };
}
