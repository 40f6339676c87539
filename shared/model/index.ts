/**
 * Blocks and their ids: fresh ids, the plugin that keeps them unique whatever an edit copies, and
 * the builders that write documents in code (templates, tests).
 */

// The module's API: what the rest of Plenary imports from shared/model.
export { buildDoc, inline, type InlineRun } from './build.js';
export { newId } from './ids.js';
export { mayIntroduceIds, uniqueIdsPlugin, withFreshIds, writtenRanges } from './unique-ids.js';
