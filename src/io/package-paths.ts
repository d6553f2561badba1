import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The swelearn package root: found by walking up from this file, so it works bundled (dist/) and from src/. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readManifestName(manifest) === 'swelearn') return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the swelearn package root');
    dir = parent;
  }
}

function readManifestName(path: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The bundled card folder, `<package>/content`. */
export function bundledContentDir(): string {
  return join(packageRoot(), 'content');
}

/** The bundled simulator world, `<package>/content/worlds/default`. */
export function bundledWorldDir(): string {
  return join(packageRoot(), 'content', 'worlds', 'default');
}
