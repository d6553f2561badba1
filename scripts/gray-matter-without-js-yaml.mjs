// gray-matter requires js-yaml for its default YAML engine, but src/core/cards/frontmatter.ts gives it
// its own engines (YAML through the `yaml` package, every code engine refused), so js-yaml is never
// called. The bundle gets a stand-in whose functions throw, and like the Ink patches the plugin is
// loud: a build that bundles gray-matter without going through it, or with js-yaml in it, fails.
const GRAY_MATTER = /[\\/]node_modules[\\/]gray-matter[\\/]/;
const JS_YAML = /(?:^|[\\/])node_modules[\\/]js-yaml[\\/]/;

const STAND_IN = `const called = (name) => () => {
  throw new Error('js-yaml.' + name + '() was called through gray-matter, but swelearn does not bundle js-yaml: pass gray-matter the engines of src/core/cards/frontmatter.ts');
};
module.exports = { safeLoad: called('safeLoad'), safeDump: called('safeDump'), load: called('load'), dump: called('dump') };
`;

/** Resolves gray-matter's js-yaml to a stand-in that throws if called; fails a build that still bundles js-yaml. */
export const grayMatterWithoutJsYaml = {
  name: 'gray-matter-without-js-yaml',
  setup(build) {
    let matched = false;
    build.initialOptions.metafile = true;
    build.onStart(() => {
      matched = false;
    });
    build.onResolve({ filter: /^js-yaml$/ }, (args) => {
      if (!GRAY_MATTER.test(args.importer)) return undefined;
      matched = true;
      return { path: 'js-yaml', namespace: 'js-yaml-stand-in' };
    });
    build.onLoad({ filter: /.*/, namespace: 'js-yaml-stand-in' }, () => ({ contents: STAND_IN, loader: 'js' }));
    build.onEnd(({ metafile }) => {
      const inputs = Object.keys(metafile?.inputs ?? {});
      const where = `gray-matter-without-js-yaml (${build.initialOptions.outfile ?? build.initialOptions.outdir ?? 'bundle'})`;
      const errors = [];
      if (inputs.some((input) => GRAY_MATTER.test(`/${input}`)) && !matched) errors.push(`${where}: gray-matter is bundled but its import of js-yaml was never seen; gray-matter changed, review the plugin`);
      const jsYaml = inputs.find((input) => JS_YAML.test(input));
      if (jsYaml) errors.push(`${where}: ${jsYaml} is bundled; js-yaml must stay out (its YAML engine is never used, see src/core/cards/frontmatter.ts)`);
      return { errors: errors.map((text) => ({ text })) };
    });
  },
};
