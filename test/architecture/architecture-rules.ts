import { existsSync, readdirSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { scanFile, type ImportUse } from './import-scan.js';

/** The layers, lowest first: a layer may import its own and lower layers only (cli -> ui -> app -> io -> core). */
export const LAYERS = ['core', 'io', 'app', 'ui', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** Imports a layer may not make even though the order allows them: the screens reach the disk only through app/. */
const FORBIDDEN_EDGES: [Layer, Layer][] = [['ui', 'io']];

/** Packages the pure core must not import: rendering and the terminal belong to ui/. */
const CORE_FORBIDDEN_PACKAGES = /^(react|ink)(\/|$)|^(react-dom|ink-[\w-]+)(\/|$)/;

/** The most source files a folder may hold before it should become rooms of its own. */
export const MAX_FILES_PER_FOLDER = 25;

/** All source files below a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** Every way `src` breaks the architecture, one line each naming the file and line; an empty list means it holds. */
export function checkArchitecture(src: string): string[] {
  const missing = LAYERS.filter((layer) => !existsSync(join(src, layer)) || !statSync(join(src, layer)).isDirectory() || sourceFiles(join(src, layer)).length === 0);
  if (missing.length > 0) return missing.map((layer) => `src/${layer}: the folder is missing or holds no source file, so nothing here can be checked`);
  const files = sourceFiles(src);
  const graph = new Map<string, string[]>();
  const problems: string[] = [];
  for (const file of files) {
    const where = (line: number) => `${relative(src, file)}:${line}`;
    const layer = layerOf(src, file);
    const { imports, impure } = scanFile(file);
    graph.set(file, imports.flatMap((use) => localTarget(file, use) ?? []));
    for (const use of imports) problems.push(...importProblems(src, file, layer, use).map((problem) => `${where(use.line)}: ${problem}`));
    if (layer === 'core') for (const call of impure) problems.push(`${where(call.line)}: core reads ${call.what}; time, randomness and the environment are passed in`);
  }
  for (const cycle of importCycles(graph)) problems.push(`import cycle: ${cycle.map((file) => relative(src, file)).join(' -> ')}`);
  for (const folder of folders(src)) {
    const count = readdirSync(folder).filter((name) => /\.tsx?$/.test(name)).length;
    if (count > MAX_FILES_PER_FOLDER) problems.push(`${relative(src, folder) || '.'}: ${count} source files; past ${MAX_FILES_PER_FOLDER}, split it into rooms`);
  }
  return problems;
}

function importProblems(src: string, file: string, layer: Layer | undefined, use: ImportUse): string[] {
  const problems: string[] = [];
  // Outside the core a computed import loads a bundle at run time (the app, the card parser); in the core it could hide anything.
  if (layer === 'core' && use.specifier === '(computed)') problems.push(`core has a ${use.form} of a computed name, which no check can follow`);
  if (layer === 'core' && (use.specifier.startsWith('node:') || isBuiltin(use.specifier))) problems.push(`core imports ${use.specifier} (${use.form}); the core touches no disk, process or network`);
  if (layer === 'core' && CORE_FORBIDDEN_PACKAGES.test(use.specifier)) problems.push(`core imports ${use.specifier} (${use.form}); rendering belongs to ui/`);
  const target = localTarget(file, use);
  const targetLayer = target && layerOf(src, target);
  if (layer && targetLayer && layer !== targetLayer) {
    if (LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer)) problems.push(`${layer} imports ${targetLayer} (${use.specifier}); dependencies point down: ${[...LAYERS].reverse().join(' -> ')}`);
    else if (FORBIDDEN_EDGES.some(([from, to]) => from === layer && to === targetLayer)) problems.push(`${layer} imports ${targetLayer} (${use.specifier}); ${layer} reaches ${targetLayer} only through app/`);
  }
  return problems;
}

function layerOf(src: string, file: string): Layer | undefined {
  const first = relative(src, file).split(sep)[0];
  return (LAYERS as readonly string[]).includes(first ?? '') ? (first as Layer) : undefined;
}

// The file a relative import names ("./x.js" is x.ts or x.tsx beside it); packages are not followed.
function localTarget(file: string, use: ImportUse): string | undefined {
  if (!use.specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(file), use.specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
}

function folders(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).flatMap((entry) => folders(join(dir, entry.name)))];
}

/** Every import cycle, as the files in it (Tarjan's strongly connected components; a file importing itself counts). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    for (const member of group) onStack.delete(member);
    if (group.length > 1 || graph.get(file)?.includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
