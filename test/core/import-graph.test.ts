import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '..', '..', 'src', 'core');
const DNS_SIM = join(CORE, 'dns-sim');
const ROOMS = ['attacks', 'names', 'personalities', 'report', 'resolver', 'scenarios', 'servers', 'stub', 'wire', 'workload', 'world'];
const MAX_FILES_PER_FOLDER = 25;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

// Every relative import, export-from and dynamic import, type-only ones included: a type cycle is still a cycle.
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const specifier = /(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  return new Map(files.map((file) => {
    const targets = [...readFileSync(file, 'utf8').matchAll(specifier)].map((match) => resolve(dirname(file), (match[1] ?? match[2])!.replace(/\.js$/, '.ts')));
    return [file, targets.filter((target) => known.has(target))];
  }));
}

// Tarjan's strongly connected components: each group of two or more files (or a file importing itself) is a cycle.
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

describe('the import graph of src/core', () => {
  it('finds a cycle when there is one, type-only imports included', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('has no import cycle', () => {
    const files = sourceFiles(CORE);
    const cycles = importCycles(importGraph(files)).map((group) => group.map((file) => relative(CORE, file)).join(' <-> '));
    expect(files.length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });

  it('imports no node: module and reads no clock or randomness of its own', () => {
    const forbidden = /from '(node:[^']+)'|import\('node:|\bperformance\.now\(|\bnew Date\(\)|\bDate\.now\(|\bMath\.random\(/;
    const offenders = sourceFiles(CORE).flatMap((file) => {
      const found = forbidden.exec(readFileSync(file, 'utf8'));
      return found ? [`${relative(CORE, file)}: ${found[0]}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});

describe('the rooms of src/core/dns-sim', () => {
  const folders = readdirSync(DNS_SIM, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  it('are the folders this test knows, so a move shows up here', () => {
    expect(folders).toEqual(ROOMS);
  });

  it.each(['.', ...ROOMS])(`%s holds at most ${MAX_FILES_PER_FOLDER} files`, (room) => {
    const files = readdirSync(join(DNS_SIM, room)).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(MAX_FILES_PER_FOLDER);
  });
});
