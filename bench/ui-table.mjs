// The table bench/ui-bench.mjs prints at the end: each figure, its value, the target, ok or MISSED.
const NOT_MEASURED = new Set(['figure', 'cards', 'target', 'ok', 'rounds']);

/** The measured part of a figure's line, in a fixed order, as `name value` pairs. */
function measured(row) {
  return Object.entries(row).filter(([name]) => !NOT_MEASURED.has(name)).map(([name, value]) => `${name} ${value}`).join(', ');
}

/** Prints the rows as one Markdown table, so the figures can be pasted into the README as they are. */
export function printTable(rows) {
  const lines = rows.map((row) => [row.cards ? `${row.figure} (${row.cards})` : row.figure, measured(row), row.target ?? '', row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED']);
  console.log('\n| figure | measured | target | |\n| --- | --- | --- | --- |');
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}
