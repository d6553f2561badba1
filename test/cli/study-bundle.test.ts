import { describe, expect, it } from 'vitest';
import { loadedUpFront, readBuildMetafile } from './build-metafile.js';

const STUDY_ENTRIES = ['quiz', 'plan', 'stats', 'export', 'import'].map((name) => `dist/study/${name}.cjs`);

function upFrontInputs(entry: string): string[] {
  const metafile = readBuildMetafile();
  return [...loadedUpFront(metafile, entry)].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
}

// stats, plan and quiz read their items from the item caches; the code that makes items on a miss must not load with them (issue 17).
describe('the study commands\' entries (run `npm run build` first)', () => {
  it.each(STUDY_ENTRIES.flatMap((entry) => [
    [entry, 'the simulator (its resolver, wire format and scenarios; the list of scenario ids cards are checked against is small)', /^src\/core\/dns-sim\/(resolver\/|wire\/|scenarios\/(?!scenario-ids\.ts$))/],
    [entry, 'the Markdown lexer (marked)', /node_modules\/marked\//],
    [entry, 'the item generator', /^src\/core\/quiz\/items\/generate-items\.ts$/],
    [entry, 'Ink', /node_modules\/ink\//],
  ] as const))('%s loads no code of %s up front', (entry, _name, pattern) => {
    const inputs = upFrontInputs(entry);
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });

  // One file per command, built apart from the app: stats and plan used to compile the quiz session and
  // the plain quiz loop too (and the app's chunks split the study code into some 40 files).
  it.each(['dist/study/stats.cjs', 'dist/study/plan.cjs'])('%s is one file, and loads neither the quiz session nor the plain quiz loop', (entry) => {
    expect([...loadedUpFront(readBuildMetafile(), entry)]).toEqual([entry]);
    const inputs = upFrontInputs(entry);
    expect(inputs.filter((input) => /^src\/core\/quiz\/progress\//.test(input)).length).toBeGreaterThan(0);
    expect(inputs.filter((input) => /^src\/(core\/quiz\/session\/session|cli\/quiz\/(plain-runner|text-reporter))\.ts$/.test(input))).toEqual([]);
  });

  it('packs no simulator and no item generator of its own: a cache miss loads the app build\'s entries of them', () => {
    const metafile = readBuildMetafile();
    // lint too: it judges the items with the app build's generator.
    const study = Object.keys(metafile.outputs).filter((output) => /^dist\/(study\/|chunks\/study-)/.test(output));
    const inputs = study.flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
    expect(inputs.filter((input) => /^src\/(core\/dns-sim\/resolver\/|core\/quiz\/items\/generate-items\.ts$)/.test(input))).toEqual([]);
    const lazy = study.flatMap((output) => metafile.outputs[output]!.imports.filter((imported) => imported.external && imported.kind === 'dynamic-import').map((imported) => imported.path));
    expect(lazy).toEqual(expect.arrayContaining(['../app/make-predict-items.cjs', '../app/generate-items.cjs']));
    for (const entry of ['dist/app/make-predict-items.cjs', 'dist/app/generate-items.cjs']) expect(metafile.outputs[entry]).toBeDefined();
  });

  it('shares no chunk with the app, which keeps its own', () => {
    const metafile = readBuildMetafile();
    const app = loadedUpFront(metafile, 'dist/app/open-app.cjs');
    for (const entry of STUDY_ENTRIES) expect([...loadedUpFront(metafile, entry)].filter((output) => app.has(output))).toEqual([]);
  });
});
