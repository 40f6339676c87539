import type { Linter } from 'eslint';

/** The modules of shared/ and node/, lowest first: each may import only the modules before it. */
export const MODULE_ORDER: readonly string[];
export const layerRules: Linter.Config[];
