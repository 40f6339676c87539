import type { BuildOptions } from 'esbuild';

export function electronBuildOptions(outDir?: string): BuildOptions[];
export function buildElectron(outDir?: string): Promise<void>;
