import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArchitecture, importCycles, LAYERS, MAX_FILES_PER_FOLDER } from './architecture-rules.js';

// A small src/ that holds: one file per layer, each importing the layer below it.
const CLEAN: Record<string, string> = {
  'core/clock.ts': 'export const at = (nowMs: number): Date => new Date(nowMs);\nexport const zero = new Date(0);\n',
  'io/read.ts': "import { at } from '../core/clock.js';\nexport const read = () => at(1);\n",
  'app/service.ts': "import { read } from '../io/read.js';\nexport const serve = () => read();\n",
  'ui/screen.tsx': "import { serve } from '../app/service.js';\nimport { Text } from 'ink';\nexport const Screen = () => <Text>{String(serve())}</Text>;\n",
  'cli/main.ts': "import { Screen } from '../ui/screen.js';\nimport { readFileSync } from 'node:fs';\nexport const main = () => [Screen, readFileSync];\n",
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function srcWith(files: Record<string, string | undefined>): string {
  const src = join(mkdtempSync(join(tmpdir(), 'swelearn-architecture-')), 'src');
  folders.push(dirname(src));
  for (const [path, text] of Object.entries({ ...CLEAN, ...files })) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  for (const layer of LAYERS) mkdirSync(join(src, layer), { recursive: true });
  return src;
}

describe('the architecture check', () => {
  it('passes a tree that keeps the rules, new Date(x) with an explicit time included', () => {
    expect(checkArchitecture(srcWith({}))).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['a static node: import in the core', 'core/a.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'core imports node:fs (import)'],
    ['node:fs/promises in the core', 'core/a.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n", 'core imports node:fs/promises'],
    ['a bare built-in in the core', 'core/a.ts', "import { join } from 'path';\nexport const a = join;\n", 'core imports path'],
    ['a type-only node: import in the core', 'core/a.ts', "import type { Stats } from 'node:fs';\nexport type A = Stats;\n", 'core imports node:fs'],
    ['a re-export of a node: module in the core', 'core/a.ts', "export { join } from 'node:path';\n", 'core imports node:path (export)'],
    ['a dynamic node: import in the core', 'core/a.ts', "export const a = () => import('node:child_process');\n", 'core imports node:child_process (dynamic import)'],
    ['require in the core', 'core/a.ts', "declare const require: (name: string) => unknown;\nexport const a = require('node:os');\n", 'core imports node:os (require)'],
    ['import = require in the core', 'core/a.ts', "import os = require('os');\nexport const a = os;\n", 'core imports os (import =)'],
    ['a computed import in the core', 'core/a.ts', "const name = 'node:fs';\nexport const a = () => import(name);\n", 'core has a dynamic import of a computed name'],
    ['react in the core', 'core/a.ts', "import { useState } from 'react';\nexport const a = useState;\n", 'core imports react (import)'],
    ['ink in the core', 'core/a.ts', "import { Box } from 'ink';\nexport const a = Box;\n", 'core imports ink (import)'],
    ['a dynamic import of ink in the core', 'core/a.ts', "export const a = () => import('ink');\n", 'core imports ink (dynamic import)'],
    ['the JSX runtime in the core', 'core/a.ts', "import { jsx } from 'react/jsx-runtime';\nexport const a = jsx;\n", 'core imports react/jsx-runtime'],
    ['new Date() in the core', 'core/a.ts', 'export const a = () => new Date();\n', 'core reads new Date()'],
    ['new Date without parentheses in the core', 'core/a.ts', 'export const a = () => new Date;\n', 'core reads new Date()'],
    ['Date.now() in the core', 'core/a.ts', 'export const a = () => Date.now();\n', 'core reads Date.now'],
    ['Date.now passed along in the core', 'core/a.ts', 'export const clock = Date.now;\n', 'core reads Date.now'],
    ['performance.now() in the core', 'core/a.ts', 'export const a = () => performance.now();\n', 'core reads performance.now'],
    ['Math.random() in the core', 'core/a.ts', 'export const a = () => Math.random();\n', 'core reads Math.random'],
    ['process.env in the core', 'core/a.ts', 'export const a = () => process.env.HOME;\n', 'core reads process'],
    ['the core reaching up to io', 'core/a.ts', "import { read } from '../io/read.js';\nexport const a = read;\n", 'core imports io (../io/read.js)'],
    ['io reaching up to ui', 'io/a.ts', "import { Screen } from '../ui/screen.js';\nexport const a = Screen;\n", 'io imports ui'],
    ['app reaching up to cli', 'app/a.ts', "import type { main } from '../cli/main.js';\nexport type A = typeof main;\n", 'app imports cli'],
    ['ui reaching into io', 'ui/a.ts', "import { read } from '../io/read.js';\nexport const a = read;\n", 'ui imports io (../io/read.js); ui reaches io only through app/'],
    ['ui reaching into io with a dynamic import', 'ui/a.ts', "export const a = () => import('../io/read.js');\n", 'ui imports io'],
    ['ui reaching up to cli through an import type', 'ui/a.ts', "export type A = typeof import('../cli/main.js');\n", 'ui imports cli'],
  ])('fails on %s', (_name, path, text, expected) => {
    const problems = checkArchitecture(srcWith({ [path]: text }));
    expect(problems.join('\n')).toContain(expected);
    expect(problems.every((problem) => problem.startsWith(path.replace(/\.tsx?$/, '')) || problem.startsWith('import cycle'))).toBe(true);
  });

  it('ignores what only looks like an import or a clock: comments and strings', () => {
    const text = "// import { x } from 'node:fs'; Date.now()\nexport const a = \"Math.random() and require('node:os')\";\n";
    expect(checkArchitecture(srcWith({ 'core/a.ts': text }))).toEqual([]);
  });

  it('fails on an import cycle anywhere in src, type-only imports included', () => {
    const problems = checkArchitecture(srcWith({ 'app/a.ts': "import type { B } from './b.js';\nexport type A = B[];\n", 'app/b.ts': "import type { A } from './a.js';\nexport type B = A | string;\n" }));
    expect(problems).toEqual(['import cycle: app/a.ts -> app/b.ts']);
  });

  it.each(LAYERS)('fails when src/%s is missing', (layer) => {
    const src = srcWith({});
    rmSync(join(src, layer), { recursive: true });
    expect(checkArchitecture(src)).toEqual([`src/${layer}: the folder is missing or holds no source file, so nothing here can be checked`]);
  });

  it('fails when a folder it checks is empty', () => {
    const src = srcWith({ 'app/service.ts': undefined });
    rmSync(join(src, 'app', 'service.ts'), { force: true });
    expect(checkArchitecture(src)).toContain('src/app: the folder is missing or holds no source file, so nothing here can be checked');
  });

  it(`fails on a folder of more than ${MAX_FILES_PER_FOLDER} files`, () => {
    const many = Object.fromEntries(Array.from({ length: MAX_FILES_PER_FOLDER + 1 }, (_, n) => [`core/big/f${n}.ts`, `export const f${n} = ${n};\n`]));
    expect(checkArchitecture(srcWith(many))).toEqual([`core/big: ${MAX_FILES_PER_FOLDER + 1} source files; past ${MAX_FILES_PER_FOLDER}, split it into rooms`]);
  });
});

describe('importCycles', () => {
  it('finds each cycle once, and a file that imports itself', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
