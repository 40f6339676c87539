/**
 * The Council style table (council-style.json): every font, size, spacing, indent and margin of the
 * Word export, as data an editor can correct from a real ITU template. Checked once here, at the
 * boundary, so that a typo in the JSON is a clear one-line error and not a malformed .docx.
 */
import { z } from 'zod';
import raw from './council-style.json' with { type: 'json' };

/** Whether a value was checked against a real ITU source or is our best guess of house style. */
const status = z.enum(['verified', 'default']);

function metric<T extends z.ZodType>(value: T) {
  return z.object({ value, status, source: z.string().optional() });
}

const styleSchema = z.object({
  /** The name Word shows (ITU template names: `enumlev1`, `Call`, `Res_No`…). */
  name: z.string(),
  basedOn: z.string().optional(),
  next: z.string().optional(),
  sizePt: metric(z.number().positive()).optional(),
  bold: metric(z.boolean()).optional(),
  italic: metric(z.boolean()).optional(),
  allCaps: metric(z.boolean()).optional(),
  align: metric(z.enum(['left', 'center', 'right', 'both'])).optional(),
  spaceBeforePt: metric(z.number().nonnegative()).optional(),
  spaceAfterPt: metric(z.number().nonnegative()).optional(),
  leftCm: metric(z.number().nonnegative()).optional(),
  hangingCm: metric(z.number().nonnegative()).optional(),
  keepNext: metric(z.boolean()).optional(),
  tabStopsCm: metric(z.array(z.number().positive())).optional(),
});

const tableSchema = z.object({
  page: z.object({
    widthCm: metric(z.number().positive()),
    heightCm: metric(z.number().positive()),
    marginTopCm: metric(z.number().nonnegative()),
    marginBottomCm: metric(z.number().nonnegative()),
    marginLeftCm: metric(z.number().nonnegative()),
    marginRightCm: metric(z.number().nonnegative()),
    headerDistanceCm: metric(z.number().nonnegative()),
    footerDistanceCm: metric(z.number().nonnegative()),
  }),
  fonts: z.object({
    latin: metric(z.string()),
    cyrillic: metric(z.string()),
    eastAsian: metric(z.string()),
    arabic: metric(z.string()),
  }),
  logoSlot: z.object({ heightCm: metric(z.number().positive()), widthCm: metric(z.number().positive()) }),
  coverBox: z.object({ borderPt: metric(z.number().positive()), rule: metric(z.string()) }),
  /** The ruled grid of a table in the body or an annex. */
  tables: z.object({ borderPt: metric(z.number().positive()), cellMarginCm: metric(z.number().nonnegative()) }),
  header: z.object({
    /** `{page}` stands for Word's PAGE field. */
    pageNumberPattern: metric(z.string().includes('{page}')),
    differentFirstPage: metric(z.boolean()),
  }),
  /** Style id → definition. The ids the exporter writes must all be here (REQUIRED_STYLES). */
  styles: z.record(z.string(), styleSchema),
  /** Language code → style id → the metrics that differ in that language (Chinese keywords upright…). */
  languageOverrides: z
    .record(z.string(), z.union([z.string(), z.record(z.string(), styleSchema.omit({ name: true }).partial())]))
    .optional(),
});

export type StyleDefinition = z.infer<typeof styleSchema>;
export type CouncilStyleTable = z.infer<typeof tableSchema>;
type MetricStatus = z.infer<typeof status>;

/** Paragraph style ids the exporter applies; a style table without one of them is rejected. */
export const REQUIRED_STYLES = [
  'Normal',
  'Heading1',
  'Headingb',
  'Source',
  'Title1',
  'CoverTable',
  'Session',
  'Meeting',
  'ResNo',
  'Resref',
  'Restitle',
  'Normalaftertitle',
  'Call',
  'enumlev1',
  'enumlev2',
  'enumlev3',
  'AnnexNo',
  'Annextitle',
  'Header',
  'FootnoteText',
  'Tablehead',
  'Tabletext',
] as const;

/** Validates a style table (the bundled one, or an editor's corrected copy). */
export function parseStyleTable(input: unknown): CouncilStyleTable {
  const parsed = tableSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid Council style table at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown error'}`);
  }
  const missing = REQUIRED_STYLES.filter((id) => !(id in parsed.data.styles));
  if (missing.length > 0) throw new Error(`invalid Council style table: missing styles ${missing.join(', ')}`);
  for (const [language, overrides] of Object.entries(parsed.data.languageOverrides ?? {})) {
    if (typeof overrides === 'string') continue; // a `$comment`
    const unknown = Object.keys(overrides).filter((id) => !(id in parsed.data.styles));
    if (unknown.length > 0)
      throw new Error(`invalid Council style table: languageOverrides.${language} names unknown styles ${unknown.join(', ')}`);
  }
  for (const [id, style] of Object.entries(parsed.data.styles)) {
    if (style.basedOn !== undefined && !(style.basedOn in parsed.data.styles)) {
      throw new Error(`invalid Council style table: style ${id} is based on unknown style ${style.basedOn}`);
    }
  }
  return parsed.data;
}

/** The styles of the table for a language: its overrides laid over the common definitions. */
export function stylesFor(table: CouncilStyleTable, language: string): Record<string, StyleDefinition> {
  const overrides = table.languageOverrides?.[language];
  if (!overrides || typeof overrides === 'string') return table.styles;
  const out: Record<string, StyleDefinition> = { ...table.styles };
  for (const [id, override] of Object.entries(overrides)) {
    const base = out[id];
    if (base) out[id] = { ...base, ...override };
  }
  return out;
}

let bundled: CouncilStyleTable | undefined;

/** The style table shipped with Plenary. */
export function councilStyleTable(): CouncilStyleTable {
  bundled ??= parseStyleTable(raw);
  return bundled;
}

/** Every metric of the table with its path and status, for reports and tests. */
export function listMetrics(table: CouncilStyleTable): Array<{ path: string; status: MetricStatus }> {
  const out: Array<{ path: string; status: MetricStatus }> = [];
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if ('value' in record && 'status' in record) {
      out.push({ path: path.join('.'), status: record.status as MetricStatus });
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, [...path, key]);
  };
  walk(table, []);
  return out;
}

// --- Units --------------------------------------------------------------------------------------
const TWIPS_PER_CM = 1440 / 2.54;

export const cmToTwips = (cm: number): number => Math.round(cm * TWIPS_PER_CM);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
/** Word sizes fonts in half-points. */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);

/** Width of the text column, for tables that span it. */
export function textWidthTwips(table: CouncilStyleTable): number {
  const { page } = table;
  return cmToTwips(page.widthCm.value - page.marginLeftCm.value - page.marginRightCm.value);
}

/** Where the text of an item at `depth` (1 = section item) starts: the enumlev style's left indent. */
export function itemTextIndentTwips(table: CouncilStyleTable, depth: number): number {
  const id = `enumlev${Math.min(Math.max(depth, 1), 3)}`;
  const levelIndent = table.styles[id]?.leftCm?.value ?? 0;
  // Deeper than enumlev3 (rare): keep stepping by enumlev3's hanging indent.
  const extra = depth > 3 ? (depth - 3) * (table.styles.enumlev3?.hangingCm?.value ?? 0) : 0;
  return cmToTwips(levelIndent + extra);
}
