import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-paths.js';

/** The libraries built once into dist/vendor/ as CommonJS, for every bundle to load on first use. */
export type VendoredName = 'yaml' | 'tr46';

const loaded = new Map<VendoredName, unknown>();

/**
 * A library from dist/vendor/, loaded synchronously on first need. The bundles share one copy of each
 * (three bundles carried yaml and two tr46 before), and none pays to evaluate it until a function of it
 * is called. The build routes the libraries' imports here (scripts/esbuild-plugins.mjs, vendoredModules).
 */
export function requireVendored<T>(name: VendoredName): T {
  if (!loaded.has(name)) loaded.set(name, createRequire(import.meta.url)(join(packageRoot(), 'dist', 'vendor', `${name}.cjs`)));
  return loaded.get(name) as T;
}
