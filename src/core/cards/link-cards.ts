import type { CardMeta, CardProblem } from './types.js';

/** Drops cards whose id is already taken, and warns about related and sim ids that name nothing. */
export function linkCards<T extends CardMeta>(cards: T[], knownScenarioIds: ReadonlySet<string>): { cards: T[]; problems: CardProblem[] } {
  const problems: CardProblem[] = [];
  const byId = new Map<string, T>();
  for (const card of cards) {
    const first = byId.get(card.id);
    if (first) {
      problems.push({ level: 'error', rule: 'duplicate-id', path: card.path, message: `"${card.id}" is already used by ${first.path}` });
    } else {
      byId.set(card.id, card);
    }
  }
  const kept = [...byId.values()];
  for (const card of kept) {
    for (const id of card.related) {
      if (!byId.has(id)) problems.push({ level: 'warning', rule: 'unknown-related', path: card.path, line: card.fieldLines.related, message: `no card has id "${id}"` });
    }
    for (const id of card.sim) {
      if (!knownScenarioIds.has(id)) problems.push({ level: 'warning', rule: 'unknown-sim', path: card.path, line: card.fieldLines.sim, message: `no simulator scenario "${id}"` });
    }
  }
  return { cards: kept, problems };
}
