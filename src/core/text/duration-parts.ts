/**
 * Adds up a duration written as number-unit parts ("1h30m", "2 min", "1m 30s"), each unit worth
 * `units[unit]` of the caller's scale. Undefined when a unit is unknown or anything else is left over.
 */
export function sumDurationParts(text: string, units: Readonly<Record<string, number>>): number | undefined {
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match; match = part.exec(text)) {
    const worth = units[match[2]!];
    if (worth === undefined) return undefined;
    total += Number(match[1]) * worth;
    consumed = part.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}
