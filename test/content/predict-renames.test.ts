import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/core/dns-sim/scenarios/scenarios.js';
import { bundledContentDir } from '../../src/io/package-paths.js';

const lines = readFileSync(join(bundledContentDir(), 'renames', 'predict.tsv'), 'utf8').split('\n').filter((line) => line !== '');
const rows = lines.slice(1).map((line) => line.split('\t'));
const OLD_KEYS = ['next-server', 'response', 'cache', 'outcome', 'duration'];
// Scenarios added after the branch point had no template items, so nothing of theirs needs a new id.
const ADDED_SINCE = ['compact-denial', 'wildcard-synthesis'];

describe('the table from old predict item ids to the moments that replace them', () => {
  it('has a header and two tab-separated columns on every row', () => {
    expect(lines[0]).toBe('old\tnew');
    for (const row of rows) expect(row, row.join('\\t')).toHaveLength(2);
  });

  // The ids the templates made at the branch point (review of December 2026: next-server 33, response 34,
  // cache 37, outcome 38, duration 38): every one of them must lead somewhere, or its history is lost.
  it('lists every old id once: the template steps of every scenario', () => {
    const old = rows.map(([id]) => id!);
    expect(new Set(old).size).toBe(old.length);
    const count = (key: string) => old.filter((id) => id.endsWith(`/${key}`)).length;
    expect(OLD_KEYS.map(count)).toEqual([33, 34, 37, 38, 38]);
    for (const scenario of SCENARIOS.filter(({ id }) => !ADDED_SINCE.includes(id))) for (const key of ['outcome', 'duration']) expect(old, scenario.id).toContain(`sim/${scenario.id}/${key}`);
    for (const id of old) expect(id).toMatch(new RegExp(`^sim/[a-z0-9-]+/(${OLD_KEYS.join('|')})$`));
  });

  it('maps each old id to a moment of the same scenario that exists today', () => {
    const moments = new Set(SCENARIOS.flatMap((scenario) => scenario.quiz.moments.map((moment) => `sim/${scenario.id}/${moment.id}`)));
    for (const [old, now] of rows) {
      expect(now!.split('/')[1], old).toBe(old!.split('/')[1]);
      expect(moments.has(now!), `${old} -> ${now}`).toBe(true);
    }
  });
});
