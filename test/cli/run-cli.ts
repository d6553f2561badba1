import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root, where the built binary lives. */
export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'swelearn.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** What a run of the built binary printed and returned. */
export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** A fresh SWELEARN_HOME, so tests never read or write the developer's own progress and caches. */
export function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'swelearn-test-'));
}

/** A fresh SWELEARN_HOME whose review log is the one recorded with 0.2.0 (answers over many cards and modes). */
export function homeWithRecordedLog(): string {
  const home = freshHome();
  mkdirSync(join(home, 'progress'), { recursive: true });
  copyFileSync(join(FIXTURES, 'progress', 'recorded-0.2.0.jsonl'), join(home, 'progress', 'reviews.jsonl'));
  return home;
}

/** Spawns the built CLI as CI does: CI=true, piped stdin, no TTY. */
export function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, CI: 'true', SWELEARN_HOME: options.env?.SWELEARN_HOME ?? freshHome(), ...options.env };
  // Whatever terminal runs the suite must not change the output (TERM=dumb means ASCII only, for one).
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'TERM', 'SWELEARN_ASCII']) if (!(key in (options.env ?? {}))) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { env: env as NodeJS.ProcessEnv, input: options.input ?? '', cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** A run of the built CLI and the Node built-in modules it loaded (process.moduleLoadList at exit). */
export function runCliListingBuiltins(args: string[], options: Parameters<typeof runCli>[1] & { env: { SWELEARN_HOME: string } }): CliRun & { builtins: string[] } {
  const listing = builtinsListing();
  const run = runCli(args, { ...options, env: { ...options.env, NODE_OPTIONS: listing.nodeOptions } });
  return { ...run, builtins: listing.read() };
}

/** NODE_OPTIONS that make a process write the Node built-in modules it loaded (process.moduleLoadList) as it exits, and their reader. */
export function builtinsListing(): { nodeOptions: string; read(): string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-builtins-'));
  const loaded = join(dir, 'loaded.txt');
  writeFileSync(join(dir, 'list.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));`);
  return { nodeOptions: `--require ${join(dir, 'list.cjs')}`, read: () => readFileSync(loaded, 'utf8').split('\n') };
}

/** True when the text carries any ESC or C1 control character. */
export function hasEscape(text: string): boolean {
  return /[\u001b\u0007\u0080-\u009f]/.test(text);
}

/** Fails loudly if a run printed a stack trace or Ink's raw-mode error. */
export function expectNoCrashText(run: CliRun): void {
  const all = run.stdout + run.stderr;
  if (/\n\s+at .+:\d+:\d+\)?/.test(all) || /Raw mode is not supported/.test(all)) {
    throw new Error(`unexpected stack trace or raw-mode error:\n${all}`);
  }
}
