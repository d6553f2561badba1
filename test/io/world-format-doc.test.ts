import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWorldFiles } from '../../src/core/dns-sim/world/world-files.js';
import { parseZoneFile } from '../../src/core/dns-sim/world/zone-file.js';

const docPath = join(import.meta.dirname, '..', '..', 'docs', 'world-format.md');

/** The fenced blocks of a Markdown section that follow a "`file`:" line, keyed by that file name. */
function filesIn(section: string): { name: string; text: string }[] {
  return [...section.matchAll(/^`([^`]+)`:\n\n```[a-z]*\n([\s\S]*?)```/gm)].map((m) => ({ name: m[1] as string, text: m[2] as string }));
}

describe('docs/world-format.md stays true', () => {
  it('the complete small world loads without errors or warnings', async () => {
    const doc = await readFile(docPath, 'utf8');
    const files = filesIn(doc.slice(doc.indexOf('## A complete small world')));
    expect(files.map((f) => f.name)).toEqual(['servers.yaml', 'root.zone', 'com.zone', 'example.com.zone', 'resolv.conf']);
    const { world, errors } = parseWorldFiles(files);
    expect([errors, world.warnings]).toEqual([[], []]);
    expect(world.rootHints).toEqual([{ name: 'a.root-servers.net', address: '198.41.0.4' }]);
  });

  it('the zone-file example parses without errors, every type included', async () => {
    const doc = await readFile(docPath, 'utf8');
    const section = doc.slice(doc.indexOf('## Zone files'));
    const text = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const { zone, errors } = parseZoneFile(text, { file: 'example.com.zone' });
    expect(errors).toEqual([]);
    expect(new Set(zone.records.map((r) => r.type))).toEqual(new Set(['SOA', 'NS', 'A', 'CNAME', 'MX', 'TXT', 'SRV', 'AAAA', 'PTR', 'CAA']));
  });
});
