import type { Plugin } from 'esbuild';

export declare const grayMatterWithoutJsYaml: Plugin;
