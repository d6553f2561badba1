import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliContext } from './context.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

/** The app bundle's entry module. */
export type AppEntry = typeof import('./open-app.js');

/**
 * The interactive app's entry, for the commands that open it at a screen (quiz, stats). Built, it is
 * the app bundle itself, found from the package root, so the study bundles never carry a second copy
 * of Ink and React; from source (the tests), the module.
 */
export async function loadAppEntry(ctx: CliContext): Promise<AppEntry> {
  if (typeof __SWELEARN_BUNDLED__ === 'boolean' && __SWELEARN_BUNDLED__) {
    return (await import(pathToFileURL(join(ctx.environment.packageRoot(), 'dist', 'app', 'open-app.js')).href)) as AppEntry;
  }
  return import('./open-app.js');
}
