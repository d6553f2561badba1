import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

describe('an unsupported Node version', () => {
  it('tells a user of an older Node what to install instead of failing with a syntax error', () => {
    const dir = join(tmpdir(), 'swelearn-old-node');
    mkdirSync(dir, { recursive: true });
    const preload = join(dir, 'pretend-node-18.cjs');
    writeFileSync(preload, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.19.0' } });\n");
    const run = spawnSync(process.execPath, ['--require', preload, BIN, '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('swelearn needs Node.js 20 or newer; this is Node.js 18.19.0.\n');
  });
});
