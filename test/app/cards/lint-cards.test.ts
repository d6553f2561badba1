import { BUNDLED_CARD_COUNT } from '../../content/load-bundled.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCardFolders } from '../../../src/app/cards/lint-cards.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { describeLocations } from '../../../src/app/locations.js';
import { FIXTURES, freshHome } from '../../cli/run-cli.js';

const environment = (contentDirs: string[] = []) => resolveEnvironment({ env: { SWELEARN_HOME: freshHome() }, cwd: FIXTURES, contentDirs });

describe('linting card folders', () => {
  it('checks only the folders named, against the bundled cards, with paths typed relative to the working folder', async () => {
    const report = await lintCardFolders(environment(), ['cards/hostile']);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.every((problem) => problem.path.startsWith(join(FIXTURES, 'cards', 'hostile')))).toBe(true);
    expect(report.filesChecked).toBe(7);
  });

  it('checks every folder of the run when none is named', async () => {
    const report = await lintCardFolders(environment(), []);
    expect(report.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    expect(report.filesChecked).toBe(BUNDLED_CARD_COUNT);
  });

  it('refuses a folder that is not there', async () => {
    await expect(lintCardFolders(environment(), ['no-such-folder'])).rejects.toThrow(`cannot lint ${join(FIXTURES, 'no-such-folder')}: is not a readable folder`);
  });
});

describe('where things live', () => {
  it('lists the card folders in load order, then progress, cache, the config file and the world, saying which exist', () => {
    const locations = describeLocations(environment(['cards/good']));
    expect(locations.map((location) => location.label)).toEqual(['bundled cards', '--content cards', 'your cards', 'progress', 'cache', 'config file', 'simulator world']);
    expect(locations[1]).toEqual({ label: '--content cards', path: join(FIXTURES, 'cards', 'good'), exists: true });
    expect(locations.find((location) => location.label === 'progress')?.exists).toBe(false);
  });
});
