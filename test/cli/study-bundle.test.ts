import { describe, expect, it } from 'vitest';
import { loadedUpFront, readBuildMetafile } from './build-metafile.js';

// stats, plan and quiz read their items from the item caches; the code that makes items on a miss must not load with them (issue 17).
describe('the study commands\' entry (run `npm run build` first)', () => {
  it.each([
    ['the simulator (its resolver, wire format and scenarios; the list of scenario ids cards are checked against is small)', /^src\/core\/dns-sim\/(resolver\/|wire\/|scenarios\/(?!scenario-ids\.ts$))/],
    ['the Markdown lexer (marked)', /node_modules\/marked\//],
    ['the item generator', /^src\/core\/quiz\/items\/generate-items\.ts$/],
    ['Ink', /node_modules\/ink\//],
  ])('loads no code of %s up front', (_name, pattern) => {
    const metafile = readBuildMetafile();
    const inputs = [...loadedUpFront(metafile, 'dist/study/commands.js')].flatMap((output) => Object.keys(metafile.outputs[output]!.inputs));
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => pattern.test(input))).toEqual([]);
  });
});
