import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, ROOT } from './run-cli.js';

/** A running `swelearn` with piped stdin, whose output can be awaited piece by piece. */
export interface LiveCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  send(line: string): void;
  /** Resolves with stdout once the predicate holds; rejects after the timeout with what was printed. */
  waitFor(predicate: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI as CI does (CI=true, no TTY), with the given SWELEARN_HOME and environment. */
export function startCli(args: string[], env: Record<string, string>): LiveCli {
  const fullEnv: Record<string, string | undefined> = { ...process.env, CI: 'true', ...env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'TERM', 'SWELEARN_ASCII']) if (!(key in env)) delete fullEnv[key];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: fullEnv as NodeJS.ProcessEnv });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => {
    for (const listener of listeners) listener();
    resolve({ code, signal });
  }));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    send: (line) => void child.stdin.write(`${line}\n`),
    waitFor(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(out)) {
            cleanup();
            resolve(out);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(new Error(`process ended before the output arrived:\n${out}\n${err}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for output:\n${out}\n${err}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    exited,
  };
}

/** How many times a pattern occurs in a text. */
export function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))?.length ?? 0;
}
