import type { SessionStepView } from '../../../../app/simulator/plan-session.js';
import { digFlagWords } from '../../../../core/dns-sim/dig/dig-options.js';
import type { SessionStep } from '../../../../core/dns-sim/session/session-file.js';
import type { ScheduleEntry } from '../../../../core/dns-sim/world-config/schedule.js';
import type { StyledLine } from '../../../../core/markdown/styled-line.js';
import { stripControl } from '../../../../core/text/sanitize.js';
import { cellWidth, fitText } from '../../../components/window.js';
import { showMs } from '../timeline-panel.js';

/** One step of a session as the step list shows it: its words, and whether it is behind, playing or still to come. */
export interface SessionStepItem {
  label: string;
  state: 'done' | 'playing' | 'next';
}

/** A step's words: "www.example.com A+AAAA", "dig www.example.com A +norec", "resolv.conf", "wait 5 min". */
export function sessionStepLabel(step: SessionStep): string {
  if (step.kind === 'wait') return `wait ${showMs(step.waitMs)}`;
  if (step.kind === 'prewarm') return `prewarm ${stripControl(step.name)} ${step.type} ${showMs(step.beforeMs)} before`;
  const at = step.atMs === undefined ? '' : ` at ${showMs(step.atMs)}`;
  if (step.kind === 'resolv-conf') return `resolv.conf changed${at}`;
  if (step.kind === 'change') return `${changeLabel(step.entry)}${at}`;
  const asked = `${stripControl(step.name)} ${step.type}`;
  return `${step.dig ? ['dig', asked, ...digFlagWords(step.dig)].join(' ') : asked}${at}`;
}

// "ns1.example.com drop", "ns1.example.com rtt 400 ms", "www.example.com A set (1)": what a change step does to the world.
function changeLabel(entry: ScheduleEntry): string {
  const change = entry.change;
  if (change.kind === 'zone') return `${stripControl(change.zone)} from ${stripControl(change.file)}`;
  if (change.kind === 'records') return `${stripControl(change.name)} ${change.type} ${change.records.length === 0 ? 'removed' : `set (${change.records.length})`}`;
  const what = [change.behaviour, change.rttMs === undefined ? undefined : `rtt ${change.rttMs} ms`].filter(Boolean).join(', ');
  return `${stripControl(change.server)} ${what}`;
}

/** The session's steps against the question playing: the steps before its own (waits and resolv.conf changes included) are done. */
export function sessionStepItems(steps: readonly SessionStep[], views: readonly SessionStepView[], playingQuery: number): SessionStepItem[] {
  const playingStep = views.findIndex((view) => view.queryIndex === playingQuery);
  // A prewarm step ran before the session started, wherever it is written.
  return steps.map((step, index) => ({ label: sessionStepLabel(step), state: index < playingStep || step.kind === 'prewarm' ? 'done' : index === playingStep ? 'playing' : 'next' }));
}

/**
 * The step list as one line: "question 2 of 3:" then each step numbered, the playing one marked and bold, the
 * done ones dim; when they do not fit, the line starts a step or two before the playing one.
 */
export function sessionStepsLine(items: readonly SessionStepItem[], questionCount: number, playingQuery: number, width: number, glyphs: { pointer: string; ellipsis: string }): StyledLine {
  const head = `question ${playingQuery + 1} of ${questionCount}: `;
  const parts = items.map((item, index) => ({ text: `${item.state === 'playing' ? glyphs.pointer : ' '}${index + 1} ${item.label} `, state: item.state }));
  const playing = Math.max(0, items.findIndex((item) => item.state === 'playing'));
  let start = 0;
  const widthFrom = (from: number) => cellWidth(head) + parts.slice(from, playing + 1).reduce((sum, part) => sum + cellWidth(part.text), 0) + (from > 0 ? cellWidth(glyphs.ellipsis) : 0);
  while (start < playing && widthFrom(start) > width) start++;
  const line: StyledLine = [{ text: head, style: { bold: true } }];
  if (start > 0) line.push({ text: glyphs.ellipsis, style: { dim: true } });
  let used = widthFrom(start) - parts.slice(start, playing + 1).reduce((sum, part) => sum + cellWidth(part.text), 0);
  for (const part of parts.slice(start)) {
    const room = width - used;
    if (room <= 0) break;
    const text = cellWidth(part.text) > room ? fitText(part.text, room, glyphs.ellipsis) : part.text;
    line.push({ text, style: part.state === 'playing' ? { bold: true, inverse: true } : part.state === 'done' ? { dim: true } : {} });
    used += cellWidth(text);
  }
  return line;
}
