import { basename } from 'node:path';
import { parseSessionFile, type SessionStep } from '../../core/dns-sim/session/session-file.js';
import type { SessionQuery } from '../../core/dns-sim/simulate.js';
import { withResolverConfig } from '../../core/dns-sim/world-config/resolver-config-options.js';
import { stripControl } from '../../core/text/sanitize.js';
import { formatFileError } from '../../core/dns-sim/world/file-error.js';
import type { World } from '../../core/dns-sim/world/world.js';
import { readTextFile } from '../../io/read-text-file.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';
import { DEFAULT_SEED, type PlannedRun } from './plan-run.js';
import type { SimRequest } from './sim-request.js';

/** A session as loaded: its file name (as the user gave it), its steps in order, and resolv.conf warnings as file:line text. */
export interface LoadedSession {
  file: string;
  steps: SessionStep[];
  warnings: string[];
}

/** How a step of a session shows in the JSON trace: its place in the file, and the question it became. */
export interface SessionStepView {
  index: number;
  line: number;
  kind: SessionStep['kind'];
  atMs?: number;
  waitMs?: number;
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

/** Turns a session's steps into the questions of one run: a resolv.conf step holds for the questions after it, a wait delays the next one. */
export function sessionQueries(steps: readonly SessionStep[]): { queries: SessionQuery[]; views: SessionStepView[] } {
  const queries: SessionQuery[] = [];
  const views: SessionStepView[] = [];
  let conf: SessionQuery['resolvConf'];
  let delayMs = 0;
  steps.forEach((step, index) => {
    const at = 'atMs' in step && step.atMs !== undefined ? { atMs: step.atMs } : {};
    if (step.kind === 'wait') {
      delayMs += step.waitMs;
      views.push({ index, line: step.line, kind: step.kind, waitMs: step.waitMs });
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
  return { queries, views };
}

/** Plans a session run: the session's questions on one clock, with the request's seed, resolver and starting resolv.conf. */
export function planSession(world: World, session: LoadedSession, request: Omit<SimRequest, 'source'>): PlannedRun & { session: { file: string; steps: SessionStepView[] } } {
  const { queries, views } = sessionQueries(session.steps);
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
    }, world.resolverConfig),
    seed: request.seed ?? DEFAULT_SEED,
    heading: { query: shown },
    query: { input: first.name, ascii: first.name, unicode: first.name, type: first.type },
    title: `Session ${session.file}`,
    session: { file: session.file, steps: views },
  };
}
