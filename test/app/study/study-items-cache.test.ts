import { appendFileSync, cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment, type AppEnvironment } from '../../../src/app/environment.js';
import type { ItemWork } from '../../../src/app/study/card-items.js';
import type { StudyContext } from '../../../src/app/study/study-context.js';
import { loadStudyItems, loadStudyStats } from '../../../src/app/study/study-data.js';
import type { Card } from '../../../src/core/cards/types.js';
import { bundledWorldDir } from '../../../src/io/package-paths.js';
import { bundledContent } from '../../ui/app-harness.js';

let cards: Card[];
beforeAll(async () => {
  ({ cards } = await bundledContent());
});

const nowMs = Date.parse('2026-06-01T09:00:00Z');
const noWork = (): ItemWork => ({ pointsLexed: 0, scenariosRun: 0 });

function studyAt(change: Partial<AppEnvironment> = {}): StudyContext {
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: mkdtempSync(join(tmpdir(), 'swelearn-items-')) }, cwd: process.cwd() });
  const changed = { ...environment, ...change };
  return { environment: changed, cards: openCardLibrary(changed), warn: () => undefined };
}

// A copy of the bundled world, so a test can change one of its files.
function worldCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swelearn-world-'));
  cpSync(bundledWorldDir(), dir, { recursive: true });
  return dir;
}

describe('the study items, derived once and cached', () => {
  it('a second stats with an unchanged library lexes no key point and runs no scenario, and says the same', async () => {
    const study = studyAt();
    const first = noWork();
    const before = await loadStudyStats(study, nowMs, { buildId: 'b1', work: first });
    expect(first.pointsLexed).toBeGreaterThan(100);
    expect(first.scenariosRun).toBeGreaterThan(30);
    const second = noWork();
    expect(await loadStudyStats(study, nowMs, { buildId: 'b1', work: second })).toEqual(before);
    expect(second).toEqual(noWork());
  });

  it.each<[string, (card: Card) => Card, boolean]>([
    ['a key point', (card) => ({ ...card, keyPoints: [{ ...card.keyPoints[0]!, markdown: `${card.keyPoints[0]!.markdown} Revised.` }, ...card.keyPoints.slice(1)] }), false],
    ['a title', (card) => ({ ...card, title: `${card.title} (revised)` }), true],
  ])('makes them again when %s of a card changes', async (_name, change, rerun) => {
    const study = studyAt();
    await loadStudyItems(study, cards, { buildId: 'b1' });
    const work = noWork();
    const edited = cards.map((card) => (card.sim.length > 0 && card === cards.find((candidate) => candidate.sim.length > 0) ? change(card) : card));
    await loadStudyItems(study, edited, { buildId: 'b1', work });
    expect(work.pointsLexed).toBeGreaterThan(0);
    expect(work.scenariosRun > 0).toBe(rerun);
  });

  it('makes them again for another build', async () => {
    const study = studyAt();
    await loadStudyItems(study, cards, { buildId: 'b1' });
    const work = noWork();
    await loadStudyItems(study, cards, { buildId: 'b2', work });
    expect(work.pointsLexed).toBeGreaterThan(0);
    expect(work.scenariosRun).toBeGreaterThan(0);
  });

  it('runs the scenarios again, and lexes nothing, when a world file changes', async () => {
    const world = worldCopy();
    const study = studyAt({ bundledWorldDir: () => world });
    await loadStudyItems(study, cards, { buildId: 'b1' });
    const zone = readdirSync(world).find((name) => name.endsWith('.zone'))!;
    appendFileSync(join(world, zone), '; an edit\n');
    const work = noWork();
    await loadStudyItems(study, cards, { buildId: 'b1', work });
    expect(work).toEqual({ pointsLexed: 0, scenariosRun: expect.any(Number) });
    expect(work.scenariosRun).toBeGreaterThan(30);
  });

  it('caches nothing when running from source (no build id)', async () => {
    const study = studyAt();
    await loadStudyItems(study, cards, { buildId: undefined });
    const work = noWork();
    await loadStudyItems(study, cards, { buildId: undefined, work });
    expect(work.pointsLexed).toBeGreaterThan(0);
  });
});
