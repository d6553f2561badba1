import { SCENARIO_IDS } from '../../src/core/dns-sim/scenarios/scenario-ids.js';
import { loadCards } from '../../src/io/load-cards.js';
import { bundledContentDir } from '../../src/io/package-paths.js';

/** The bundled cards exactly as the CLI loads them (no cache, no user folders). */
export function loadBundledCards() {
  return loadCards([{ dir: bundledContentDir(), origin: 'bundled' }], { scenarioIds: new Set(SCENARIO_IDS) });
}
