import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './package-paths.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

/** The yaml package's API. */
export type YamlModule = typeof import('yaml');

let loaded: YamlModule | undefined;

/**
 * The yaml package, loaded synchronously on first need, so a setting can be read where it is used and
 * a run without a config file never loads it. Built, it is dist/yaml.cjs (CommonJS, so require can
 * load it); from source (tests), the package itself.
 */
export function loadYaml(): YamlModule {
  const load = createRequire(import.meta.url);
  const bundled = typeof __SWELEARN_BUNDLED__ === 'boolean' && __SWELEARN_BUNDLED__;
  return (loaded ??= load(bundled ? join(packageRoot(), 'dist', 'yaml.cjs') : 'yaml') as YamlModule);
}
