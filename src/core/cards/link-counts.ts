/** How many other cards link to each card through `related:`, counting only links between the cards given. */
export function linkCounts(links: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [from, related] of links) {
    for (const to of new Set(related)) if (to !== from && links.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}
