import { parseResolvConf } from '../../core/dns-sim/world/resolv-conf.js';
import { formatFileError } from '../../core/dns-sim/world/file-error.js';
import type { ResolvConf } from '../../core/dns-sim/world/world.js';
import { readTextFile } from '../../io/read-text-file.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';

/** A resolv.conf read for a run: the settings, or the first error (file and line) and the warnings for the others. */
export type ResolvConfFile = { ok: true; conf: ResolvConf; warnings: string[] } | { ok: false; error: string };

/** Reads and parses a resolv.conf the user named (--resolv-conf); an unreadable file is a user error. */
export async function readResolvConfFile(environment: AppEnvironment, path: string): Promise<ResolvConfFile> {
  const file = await readTextFile(environment.resolvePath(path));
  if (!file.ok) throw new UserError(file.message);
  const parsed = parseResolvConf(file.text, path);
  const first = parsed.errors[0];
  // The path, keywords and values are the user's or the world's text: the one formatter strips their controls.
  if (first) return { ok: false, error: formatFileError(first) };
  return { ok: true, conf: parsed.conf, warnings: parsed.warnings.map(formatFileError) };
}
