import { loadBuiltModule } from '../io/bundles/built-module.js';

/** The app bundle's entry module. */
export type AppEntry = typeof import('./open-app.js');

/**
 * The interactive app's entry, for the commands that open it at a screen (quiz, stats). Built, it is
 * the app's entry script (dist/app/open-app.cjs), so the study bundle never carries a second copy of Ink
 * and React; from source (the tests), the module.
 */
export function loadAppEntry(): Promise<AppEntry> {
  return loadBuiltModule('app/open-app.cjs', () => import('./open-app.js'));
}
