import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/** The package as npm packs it from the built tree, unpacked beside the tarball. */
export interface PackedTarball {
  work: string;
  tarball: string;
  /** Where the tarball was unpacked: the package's own files, as a user receives them. */
  unpacked: string;
  files: string[];
  packedBytes: number;
  npmEnv: NodeJS.ProcessEnv;
}

/** Packs the package (already built; no scripts run) into a fresh folder with an isolated npm config. */
export function packTarball(): PackedTarball {
  const work = mkdtempSync(join(tmpdir(), 'swelearn-pack-'));
  // No update notices, and a placeholder token so a dry-run publish does not warn about logging in. Nothing here needs the network.
  const npmrc = join(work, 'npmrc');
  writeFileSync(npmrc, 'update-notifier=false\nfund=false\naudit=false\n//registry.npmjs.org/:_authToken=dry-run-placeholder\n');
  // npm run sets many npm_* variables, and unknown ones make npm warn; start from none of them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const npmEnv = { ...inherited, npm_config_userconfig: npmrc, npm_config_cache: join(work, 'cache') };
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--ignore-scripts'], { cwd: ROOT, env: npmEnv, encoding: 'utf8' })) as { filename: string; files: { path: string }[]; size: number }[];
  const tarball = join(work, packed!.filename);
  const unpacked = join(work, 'unpacked');
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
  return { work, tarball, unpacked, files: packed!.files.map((file) => file.path), packedBytes: packed!.size, npmEnv };
}
