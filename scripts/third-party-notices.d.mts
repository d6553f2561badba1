import type { Metafile } from 'esbuild';

export declare function bundledPackageDirs(metafile: Pick<Metafile, 'outputs'>): string[];
export declare function thirdPartyNotices(metafile: Pick<Metafile, 'outputs'>, root: string, product: string): string;
