import { basename } from 'node:path';
import { parseSessionFile, type SessionStep } from '../../core/dns-sim/session/session-file.js';
import type { SessionQuery } from '../../core/dns-sim/simulate.js';
import { sessionPrewarm, type Prewarm } from '../../core/dns-sim/session/session-prewarm.js';
import { withResolverConfig } from '../../core/dns-sim/world-config/resolver-config-options.js';
import { stripControl } from '../../core/text/sanitize.js';
import { formatFileError } from '../../core/dns-sim/world/file-error.js';
import type { World, WorldChange } from '../../core/dns-sim/world/world.js';
import type { WorldFileText } from '../../core/dns-sim/world/world-files.js';
import { resolveSchedule, scheduledZoneFiles } from '../../core/dns-sim/world-config/schedule-changes.js';
import type { ScheduleEntry } from '../../core/dns-sim/world-config/schedule.js';
import { readTextFile } from '../../io/read-text-file.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';
import { openSimulatorWorld } from './load-world.js';
import { DEFAULT_SEED, type PlannedRun } from './plan-run.js';
import type { SimRequest } from './sim-request.js';

/** A session as loaded: its file name (as the user gave it), its steps in order, and resolv.conf warnings as file:line text. */
export interface LoadedSession {
  file: string;
  steps: SessionStep[];
  warnings: string[];
  /** The .zone files its change steps swap in, read from the --world folder; absent when no folder was named. */
  zoneFiles?: WorldFileText[];
}

/** How a step of a session shows in the JSON trace: its place in the file, and the question it became. */
export interface SessionStepView {
  index: number;
  line: number;
  kind: SessionStep['kind'];
  atMs?: number;
  waitMs?: number;
  /** A prewarm step: how long before the start the resolver was asked. */
  beforeMs?: number;
  queryIndex?: number;
}

/** Largest session file read: a session of a few dozen steps is a few kilobytes. */
export const MAX_SESSION_FILE_BYTES = 256 * 1024;

// Like the world loader, list the first problems and count the rest.
const MAX_LISTED = 50;

/** Reads and checks a session file; a file with problems is a user error listing each as file:line: message. */
export async function loadSession(environment: AppEnvironment, path: string): Promise<LoadedSession> {
  const read = await readTextFile(environment.resolvePath(path), { maxBytes: MAX_SESSION_FILE_BYTES, refuseSymlinkAs: 'a session file' });
  if (!read.ok) throw new UserError(read.message);
  const parsed = parseSessionFile(read.text, basename(path));
  if (parsed.errors.length > 0) {
    const lines = parsed.errors.slice(0, MAX_LISTED).map((error) => `  ${formatFileError(error)}`);
    if (parsed.errors.length > MAX_LISTED) lines.push(`  ... and ${parsed.errors.length - MAX_LISTED} more`);
    throw new UserError(`cannot load the session ${stripControl(path)}: ${parsed.errors.length} ${parsed.errors.length === 1 ? 'problem' : 'problems'}\n${lines.join('\n')}`);
  }
  return { file: path, steps: parsed.steps, warnings: parsed.warnings.map(formatFileError) };
}

/** Turns a session's steps into the questions of one run: a resolv.conf step holds for the questions after it, a wait delays the next one, a change step's change is kept for the run, a prewarm step is asked before it, earliest first. */
export function sessionQueries(steps: readonly SessionStep[]): { queries: SessionQuery[]; views: SessionStepView[]; entries: ScheduleEntry[]; prewarm: Prewarm[] } {
  const queries: SessionQuery[] = [];
  const views: SessionStepView[] = [];
  const entries: ScheduleEntry[] = [];
  let conf: SessionQuery['resolvConf'];
  let delayMs = 0;
  steps.forEach((step, index) => {
    const at = 'atMs' in step && step.atMs !== undefined ? { atMs: step.atMs } : {};
    if (step.kind === 'wait') {
      delayMs += step.waitMs;
      views.push({ index, line: step.line, kind: step.kind, waitMs: step.waitMs });
      return;
    }
    if (step.kind === 'prewarm') {
      views.push({ index, line: step.line, kind: step.kind, beforeMs: step.beforeMs });
      return;
    }
    if (step.kind === 'change') {
      entries.push(step.entry);
      views.push({ index, line: step.line, kind: step.kind, atMs: step.atMs });
      return;
    }
    if (step.kind === 'resolv-conf') {
      conf = step.conf;
      views.push({ index, line: step.line, kind: step.kind, ...at });
      return;
    }
    views.push({ index, line: step.line, kind: step.kind, ...at, queryIndex: queries.length });
    queries.push({ name: step.name, type: step.type, ...at, ...(delayMs > 0 ? { delayMs } : {}), ...(conf ? { resolvConf: conf } : {}), ...(step.dig ? { dig: step.dig } : {}) });
    delayMs = 0;
  });
  return { queries, views, entries, prewarm: sessionPrewarm(steps) };
}

/**
 * Opens the world a session runs in. The .zone files its zone swaps name are read from the --world folder under
 * the folder's own rules (size, symbolic links) and, as servers.yaml's schedule does, kept out of the world's zones
 * at the start; with no --world there is no folder to read them from, and planSession says so.
 */
export async function openSessionWorld(environment: AppEnvironment, session: LoadedSession, dir: string | undefined): Promise<{ world: World; session: LoadedSession }> {
  const swapped = dir === undefined ? [] : [...scheduledZoneFiles(sessionQueries(session.steps).entries)];
  const opened = await openSimulatorWorld(environment, dir, swapped);
  return { world: opened.world, session: dir === undefined ? session : { ...session, zoneFiles: opened.laterFiles } };
}

// A change step names a server or a zone of the world: checked here, where the world is known, as servers.yaml's schedule is checked.
function sessionChanges(entries: ScheduleEntry[], world: World, session: LoadedSession): WorldChange[] {
  const name = basename(session.file);
  const { zoneFiles } = session;
  // Without a world folder a zone swap has no file to read: one error per swap, rather than "not a zone file of the folder".
  const unread = zoneFiles === undefined ? entries.filter((entry) => entry.change.kind === 'zone') : [];
  const resolved = resolveSchedule(entries.filter((entry) => !unread.includes(entry)), zoneFiles ?? [], world.servers, name);
  for (const entry of unread) {
    const swapped = entry.change.kind === 'zone' ? entry.change.file : '';
    resolved.errors.push({ file: name, line: entry.line, message: `change: a zone swap reads ${swapped} from the world folder: name the folder with --world` });
  }
  if (resolved.errors.length > 0) {
    const problems = resolved.errors.map((error) => `  ${formatFileError({ ...error, message: error.message.replace(/^schedule: /, 'change: ') })}`);
    throw new UserError(`cannot run the session ${stripControl(session.file)}: ${resolved.errors.length} ${resolved.errors.length === 1 ? 'problem' : 'problems'}\n${problems.join('\n')}`);
  }
  return resolved.changes;
}

/** Plans a session run: the session's questions on one clock, with the request's seed, resolver and starting resolv.conf. */
export function planSession(world: World, session: LoadedSession, request: Omit<SimRequest, 'source'>): PlannedRun & { session: { file: string; steps: SessionStepView[] } } {
  const { queries, views, entries, prewarm } = sessionQueries(session.steps);
  const changes = sessionChanges(entries, world, session);
  const whatIf = request.whatIf;
  const first = queries[0]!;
  const shown = `session ${session.file} (${queries.length} question${queries.length === 1 ? '' : 's'})`;
  return {
    world,
    queries,
    // The world's resolver configuration (forward zones, validation, serve-stale...) lies beneath the request's own, as for one question.
    options: withResolverConfig({
      ...(whatIf?.personality ? { personality: whatIf.personality } : {}),
      ...(request.resolvConf ? { resolvConf: request.resolvConf } : {}),
      ...(whatIf?.qnameMinimisation === undefined ? {} : { resolver: { qnameMinimisation: whatIf.qnameMinimisation } }),
      ...(changes.length > 0 ? { changes } : {}),
      ...(prewarm.length > 0 ? { prewarm } : {}),
    }, world.resolverConfig),
    seed: request.seed ?? DEFAULT_SEED,
    heading: { query: shown },
    query: { input: first.name, ascii: first.name, unicode: first.name, type: first.type },
    title: `Session ${session.file}`,
    session: { file: session.file, steps: views },
  };
}
