import type { Card, CardSection } from './types.js';

/** Finds a section by a loose name ("key points", "tradeoffs", "faq"), exact before prefix before substring. */
export function findSection(card: Card, name: string): CardSection | undefined {
  const wanted = normalise(name);
  if (!wanted) return undefined;
  const named = card.sections.map((section) => ({ section, key: normalise(section.name), kind: normalise(section.kind) }));
  return (
    named.find((entry) => entry.key === wanted || entry.kind === wanted)?.section ??
    named.find((entry) => entry.key.startsWith(wanted) || entry.kind.startsWith(wanted))?.section ??
    named.find((entry) => entry.key.includes(wanted))?.section
  );
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
}
