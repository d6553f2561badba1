import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/core/dns-sim/scenarios/scenarios.js';
import { readItemRenames } from '../../src/io/item-renames-file.js';
import { bundledContentDir } from '../../src/io/package-paths.js';

const lines = readFileSync(join(bundledContentDir(), 'renames', 'predict.tsv'), 'utf8').split('\n').filter((line) => line !== '');
const rows = lines.slice(1).map((line) => line.split('\t'));
const OLD_KEYS = ['next-server', 'response', 'cache', 'outcome', 'duration'];

describe('the table from old predict item ids to the moments that replace them', () => {
  it('has a header and two tab-separated columns on every row', () => {
    expect(lines[0]).toBe('old\tnew');
    for (const row of rows) expect(row, row.join('\\t')).toHaveLength(2);
  });

  // The ids the templates made at the branch point (review of December 2026: next-server 33, response 34,
  // cache 37, outcome 38, duration 38): every one of them must lead somewhere, or its history is lost.
  const BRANCH_POINT_SCENARIOS = new Set(rows.map(([id]) => id!.split('/')[1]!));
  it('lists every old id once: the template steps of every scenario', () => {
    const old = rows.map(([id]) => id!);
    expect(new Set(old).size).toBe(old.length);
    const count = (key: string) => old.filter((id) => id.endsWith(`/${key}`)).length;
    expect(OLD_KEYS.map(count)).toEqual([33, 34, 37, 38, 38]);
    // Every scenario of the branch point had an outcome and a duration step; scenarios added since never had template steps.
    for (const scenario of SCENARIOS.filter((candidate) => BRANCH_POINT_SCENARIOS.has(candidate.id))) for (const key of ['outcome', 'duration']) expect(old, scenario.id).toContain(`sim/${scenario.id}/${key}`);
    for (const id of old) expect(id).toMatch(new RegExp(`^sim/[a-z0-9-]+/(${OLD_KEYS.join('|')})$`));
  });

  it('maps each old id to a moment of the same scenario that exists today', () => {
    const moments = new Set(SCENARIOS.flatMap((scenario) => scenario.quiz.moments.map((moment) => `sim/${scenario.id}/${moment.id}`)));
    for (const [old, now] of rows) {
      expect(now!.split('/')[1], old).toBe(old!.split('/')[1]);
      expect(moments.has(now!), `${old} -> ${now}`).toBe(true);
    }
  });

  // Replays read the tables only for an entry whose id no current item has (app/study/progress-replay.ts): that
  // holds only while no id the tables rename, once chains are followed, is a moment of today.
  it('renames no id that is a moment today', () => {
    const moments = new Set(SCENARIOS.flatMap((scenario) => scenario.quiz.moments.map((moment) => `sim/${scenario.id}/${moment.id}`)));
    const { renames } = readItemRenames(bundledContentDir());
    expect([...renames.keys()].filter((id) => moments.has(id))).toEqual([]);
  });
});
