/**
 * How a reference names a section: by the keyword phrase of the language table that opens the
 * section's keyword line (`décide`, `charge`), as the Council texts do (`point 5 du décide`). When
 * two sections of the same resolution open with the same phrase (`charge le Secrétaire général`,
 * `charge le Secrétaire général et les Directeurs des Bureaux`), the phrase alone would be
 * ambiguous, so the whole keyword line is used.
 */
import type { Node } from 'prosemirror-model';
import { matchKeyword, type KeywordEntry, type LanguageTable } from '../languages/index.js';
import type { NumberingView } from './labels.js';
import { visibleText } from './locate.js';

/** The section's keyword line as written, without the punctuation that may end it (`решает,`). */
export function keywordText(section: Node, view: NumberingView = 'new'): string {
  const keyword = section.firstChild;
  if (!keyword || keyword.type.name !== 'section_keyword') return '';
  return visibleText(keyword, view)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[\s,:;.]+$/u, '');
}

/** The table entry that opens the section's keyword line, in the table's language. */
export function keywordEntry(section: Node, table: LanguageTable, view: NumberingView = 'new'): KeywordEntry | null {
  return matchKeyword(keywordText(section, view), [table.code])?.entry ?? null;
}

export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2019\u02BC]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

/** The phrase as written in the keyword line (keeps the text's own capitals), or the table's. */
function phraseAsWritten(text: string, entry: KeywordEntry): string {
  const head = text.slice(0, entry.phrase.length);
  return comparable(head) === comparable(entry.phrase) ? head : entry.phrase;
}

export function sectionWord(section: Node, resolution: Node | null, table: LanguageTable, view: NumberingView = 'new'): string {
  const text = keywordText(section, view);
  const entry = matchKeyword(text, [table.code])?.entry;
  if (!entry) return text;
  const phrase = comparable(entry.phrase);
  let sharing = 0;
  resolution?.forEach((child) => {
    if (child.type.name === 'section' && comparable(keywordEntry(child, table, view)?.phrase ?? '') === phrase) sharing += 1;
  });
  return sharing > 1 ? text : phraseAsWritten(text, entry);
}

/** The table's phrase for a role (`resolves` → `décide`), to word a reference whose section is gone. */
export function phraseOfRole(role: string | null | undefined, table: LanguageTable): string | null {
  if (!role) return null;
  return table.keywords.find((entry) => entry.role === role)?.phrase ?? null;
}
