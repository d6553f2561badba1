import { createRequire as builtinRequireFor } from 'node:module';

// node:child_process (with net and dgram) loads when an editor is first run, not with the quiz: about 0.4 ms of its first line.
const requireBuiltin = builtinRequireFor('/');

/** How an editor run ended: the editor's exit, or why it could not be started. */
export type EditorRun = { ok: true; status: number | null } | { ok: false; reason: string };

/**
 * Runs an editor on the terminal and waits for it (the caller must have released the terminal first). The
 * command is not run through a shell, so a card path with spaces or quotes is passed as one argument.
 */
export function runEditor(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): EditorRun {
  const { spawnSync } = requireBuiltin('node:child_process') as typeof import('node:child_process');
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? `the editor "${command}" was not found (set $EDITOR)` : `the editor "${command}" could not be started (${result.error.message})` };
  }
  return { ok: true, status: result.status };
}
