import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manPage } from '../../src/cli/docs/man-page.js';
import { COMMAND_TABLE, GLOBAL_FLAGS } from '../../src/cli/table/command-table.js';
import { SETTINGS } from '../../src/core/config/settings.js';
import { ROOT } from './run-cli.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; man: string; files: string[] };
const built = () => readFileSync(join(ROOT, manifest.man), 'utf8');
const hasGroff = spawnSync('groff', ['--version']).status === 0;

describe('the man page', () => {
  it('is shipped: package.json names it and packs its folder', () => {
    expect(manifest.man).toBe('./man/swelearn.1');
    expect(manifest.files).toContain('man/');
  });

  it('is up to date with the command table: the build wrote what the table gives now', () => {
    expect(built()).toBe(manPage(manifest.version));
  });

  it('documents every command, flag and example', () => {
    const page = manPage(manifest.version).replace(/\\-/g, '-');
    for (const spec of COMMAND_TABLE) {
      expect(page).toContain(`.SS "swelearn ${spec.name}`);
      for (const flag of spec.flags) expect(page, `${spec.name} --${flag.name}`).toMatch(new RegExp(`^\\.BI? "?--${flag.name}\\b`, 'm'));
      for (const [command] of spec.examples) expect(page).toContain(`.B ${command}`);
    }
    for (const flag of GLOBAL_FLAGS) expect(page).toMatch(new RegExp(`^\\.BI? "?(-\\w, )?--${flag.name}\\b`, 'm'));
    const configuration = page.slice(page.indexOf('.SH CONFIGURATION'), page.indexOf('.SH ENVIRONMENT'));
    for (const spec of SETTINGS) expect(configuration).toContain(`.B ${spec.key}\n`);
  });

  it.skipIf(!hasGroff)('renders without a warning from groff', () => {
    const run = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z'], { input: built(), encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });
});
