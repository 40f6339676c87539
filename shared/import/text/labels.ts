/**
 * Reading a label back into a list style and a position. The formats come from the language table
 * (`{})`, `{}`, `{}.`, `–`), so a language that writes its labels differently needs only data.
 * A label can have two readings: `i)` is the 9th alpha item or the 1st roman one; the list parser
 * chooses between them from context.
 */
import type { LanguageTable } from '../../languages/index.js';
import { fromRoman } from '../../numbering/index.js';
import { LIST_STYLES, type ListStyle } from '../../schema/index.js';

export interface LabelReading {
  style: ListStyle;
  /** 1-based position the label stands for; 0 for a dash, which has no position. */
  value: number;
}

/** Dashes a converter may produce for the en dash of the table (`–`). */
const DASH_VARIANTS = new Set(['–', '—', '-', '‑', '−']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `{})` → /^(.+)\)$/: the value between the format's fixed parts. */
function formatPattern(format: string): RegExp | null {
  const at = format.indexOf('{}');
  if (at < 0) return null;
  return new RegExp(`^${escapeRegExp(format.slice(0, at))}(.+)${escapeRegExp(format.slice(at + 2))}$`, 'u');
}

/** Position of an alpha label value: `c` → 3, `bb` → 28 (letters repeat after the last). */
function alphaPosition(value: string, letters: readonly string[]): number {
  const chars = [...value];
  const first = chars[0];
  if (first === undefined || chars.some((char) => char !== first)) return NaN;
  const index = letters.indexOf(first);
  if (index < 0) return NaN;
  return index + 1 + letters.length * (chars.length - 1);
}

function valueOf(style: ListStyle, value: string, table: LanguageTable): number {
  switch (style) {
    case 'alpha':
    case 'alpha-dot':
      return alphaPosition(value, table.alphabets.alpha.letters);
    case 'roman': {
      const expectedCase = table.alphabets.roman.case === 'upper' ? value.toUpperCase() : value.toLowerCase();
      return value === expectedCase ? fromRoman(value) : NaN;
    }
    case 'decimal':
      return /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    case 'dash':
      return NaN;
  }
}

export interface LabelReader {
  /** Every reading of `label` as an item label, the first-of-style readings first. */
  read(label: string): LabelReading[];
}

export function labelReader(table: LanguageTable): LabelReader {
  const patterns = LIST_STYLES.filter((style) => style !== 'dash').map((style) => ({
    style,
    pattern: formatPattern(table.labelFormats[style]),
  }));
  const dash = table.labelFormats.dash;
  return {
    read(label) {
      if (label === dash || DASH_VARIANTS.has(label)) return [{ style: 'dash', value: 0 }];
      const readings: LabelReading[] = [];
      for (const { style, pattern } of patterns) {
        const match = pattern?.exec(label);
        if (!match) continue;
        const value = valueOf(style, match[1]!, table);
        if (Number.isInteger(value) && value > 0) readings.push({ style, value });
      }
      return readings.sort((a, b) => Number(b.value === 1) - Number(a.value === 1));
    },
  };
}

/** Whether a reading can open a new list: the first label of its style (`a)`, `1`, `i)`, `a.`, `–`). */
export function opensList(reading: LabelReading): boolean {
  return reading.style === 'dash' || reading.value === 1;
}

/** `IV` → 4: the number of a Roman-numbered body heading (`IV\tConclusions`), or NaN. */
export function romanHeadingNumber(label: string): number {
  return /^[IVXLCDM]+$/.test(label) ? fromRoman(label) : NaN;
}

/** `2.1`: the label of a numbered paragraph. */
export function isNumberedParagraphLabel(label: string): boolean {
  return /^\d{1,4}(?:\.\d{1,4})+$/.test(label);
}

export function isDecimalLabel(label: string): boolean {
  return /^\d{1,4}$/.test(label);
}
