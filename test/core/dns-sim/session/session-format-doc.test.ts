import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../../src/core/dns-sim/session/session-file.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'session-format.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('docs/session-format.md stays true', () => {
  it('has a session example', () => {
    expect(yamlBlocks.length).toBeGreaterThan(0);
  });

  it.each(yamlBlocks.map((block, index) => [index, block]))('example %i loads without errors', (_index, block) => {
    const result = parseSessionFile(block, 'example.yaml');
    expect(result.errors).toEqual([]);
    expect(result.steps.some((step) => step.kind === 'ask')).toBe(true);
  });

  it('the error example is what the loader says for those lines', () => {
    const text = '- ask: www.example.com\n- ask: www.example.com\n  tpye: A\n- wait: 5s\n- resolv_conf: |\n    nameserver 10.0.0.53\n    search example.com\n    options ndots:2\n    nameserver banana\n';
    const shown = parseSessionFile(text, 'lesson.yaml').errors.map((error) => `  ${error.file}:${error.line}: ${error.message}`);
    for (const line of shown) expect(doc).toContain(line);
    expect(shown).toHaveLength(2);
  });
});
