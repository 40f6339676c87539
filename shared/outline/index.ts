/**
 * The outline of a document (`plenary inspect`): resolutions, sections and items with their labels.
 */

// The module's API: what the rest of Plenary imports from shared/outline.
export { formatOutline, outline } from './outline.js';
