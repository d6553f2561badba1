import type { Plugin } from 'esbuild';

/** A module the bundle resolves to a file of src/ instead; `importer` undefined means from anywhere. */
export interface InkModuleSwap {
  specifier: RegExp;
  importer: RegExp | undefined;
  replacement: string;
}

export declare const PATCHED_INK_VERSION: RegExp;
export declare const inkModuleSwaps: { output: InkModuleSwap; stringWidth: InkModuleSwap };
export declare const inkBundlePlugins: Plugin[];
export declare const vendoredModules: Plugin;
export declare const vendoredEntries: Record<string, string>;
