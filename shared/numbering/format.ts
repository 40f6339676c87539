/** Turning a position (1-based) into a label text, per list style and language table. */
import type { ListStyle } from '../schema/index.js';
import type { LanguageTable } from '../languages/index.js';

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** Parses a lower- or upper-case Roman numeral; NaN when it is not one written canonically. */
export function fromRoman(text: string): number {
  const lower = text.toLowerCase();
  if (!/^[ivxlcdm]+$/.test(lower)) return NaN;
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const value = ROMAN.find(([, d]) => d === lower[i])![0];
    const next = i + 1 < lower.length ? ROMAN.find(([, d]) => d === lower[i + 1])![0] : 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === lower ? total : NaN;
}

/** a, b, … z, then aa, bb, … (the table's `afterLast` rule). */
function alphaLetter(n: number, letters: readonly string[]): string {
  const size = letters.length;
  const letter = letters[(n - 1) % size]!;
  return letter.repeat(Math.floor((n - 1) / size) + 1);
}

/** The label value (without punctuation) of the n-th counted item of a list. */
function labelValue(style: ListStyle, n: number, table: LanguageTable): string {
  switch (style) {
    case 'alpha':
    case 'alpha-dot':
      return alphaLetter(n, table.alphabets.alpha.letters);
    case 'roman': {
      const roman = toRoman(n);
      return table.alphabets.roman.case === 'upper' ? roman.toUpperCase() : roman;
    }
    case 'decimal':
      return String(n);
    case 'dash':
      return '';
  }
}

/** The full label as written before the tab: `a)`, `1`, `ii)`, `a.`, `–`. */
export function formatLabel(style: ListStyle, n: number, table: LanguageTable): string {
  return table.labelFormats[style].replace('{}', labelValue(style, n, table));
}
