import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { ROOT } from './run-cli.js';

/** What esbuild put into each file of dist/ in the last build (scripts/build.mjs writes it). */
export function readBuildMetafile(): Metafile {
  return JSON.parse(readFileSync(join(ROOT, '.build', 'metafile.json'), 'utf8')) as Metafile;
}

/** Every output file that loading `entry` can load, by static or dynamic import, itself included. */
export function reachableFrom(metafile: Metafile, entry: string): Set<string> {
  // A renamed entry must fail the test that names it, not pass it with nothing reached.
  if (!metafile.outputs[entry]) throw new Error(`${entry} is not an output of the build`);
  const reached = new Set<string>();
  const visit = (output: string) => {
    if (reached.has(output) || !metafile.outputs[output]) return;
    reached.add(output);
    for (const { path, external } of metafile.outputs[output].imports) if (!external) visit(path);
  };
  visit(entry);
  return reached;
}

/** The build's named entry points (dist/swelearn.cjs, dist/sim.js, ...); esbuild counts the chunks of dynamic imports as entries too. */
export const entryOutputs = (metafile: Metafile): string[] => Object.keys(metafile.outputs).filter((output) => metafile.outputs[output]!.entryPoint && !output.startsWith('dist/chunks/'));

/** Every output file loaded before `entry` runs a line: its static imports, followed, itself included (dynamic imports load on demand). */
export function loadedUpFront(metafile: Metafile, entry: string): Set<string> {
  // A renamed entry must fail the test that names it, not pass it with nothing reached.
  if (!metafile.outputs[entry]) throw new Error(`${entry} is not an output of the build`);
  const reached = new Set<string>();
  const visit = (output: string) => {
    if (reached.has(output) || !metafile.outputs[output]) return;
    reached.add(output);
    for (const { path, kind, external } of metafile.outputs[output].imports) if (!external && kind === 'import-statement') visit(path);
  };
  visit(entry);
  return reached;
}
