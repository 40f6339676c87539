/**
 * Live cross-references: rendering (`referenceText`), linking textual references after an import
 * (`linkReferences`, called at the end of importText) and their tracked form (`trackedReferenceText`).
 */
export { fillTemplate, referenceAttrs, referenceText, type ReferenceAttrs, type ReferenceRendering } from './reference-text.js';
export { linkReferences } from './reference-link.js';
export { trackedReferenceText, type TrackedReference } from './tracked.js';
