/**
 * The Council style table (council-style.json): fonts, sizes, spacing, indents and margins of the
 * Word export, each marked verified or default. The exporter writes it; the importer reads its
 * indents to recognise item levels.
 */

// The module's API: what the rest of Plenary imports from shared/council-style.
export { cmToTwips, councilStyleTable, type CouncilStyleTable, itemTextIndentTwips, ptToHalfPoints, ptToTwips, type StyleDefinition, stylesFor, textWidthTwips } from './style-table.js';
