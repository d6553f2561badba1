import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_IDS } from '../../src/core/dns-sim/scenarios/scenario-ids.js';
import { loadCards } from '../../src/io/load-cards.js';
import { bundledContentDir } from '../../src/io/package-paths.js';

/** The bundled cards exactly as the CLI loads them (no cache, no user folders). */
export function loadBundledCards() {
  return loadCards([{ dir: bundledContentDir(), origin: 'bundled' }], { scenarioIds: new Set(SCENARIO_IDS) });
}

/** How many cards ship in content/ (counted from the folder, so adding a card needs no test edit). */
export const BUNDLED_CARD_COUNT = readdirSync(join(bundledContentDir(), 'dns')).filter((name) => name.endsWith('.md')).length;

/** The home screen's and the status line's count of the bundled cards, such as "32 cards". */
export const BUNDLED_CARDS_LABEL = `${BUNDLED_CARD_COUNT} cards`;

/** The 1-based line of a bundled card's file where `text` first appears, as the quiz and stats print it (card:line). */
export function bundledCardLine(cardId: string, text: string): number {
  const lines = readFileSync(join(bundledContentDir(), 'dns', `${cardId}.md`), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${cardId}.md has no line with ${JSON.stringify(text)}`);
  return index + 1;
}
