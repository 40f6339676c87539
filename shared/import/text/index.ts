/**
 * The plain-text importer: text in the conventions of the ITU fixtures (label + tab, keyword
 * lines, `[footnoteRef:N]` / `[N: text]` footnotes, conversion artifacts) becomes a Plenary
 * document. See docs/resolution-structure.md for the conventions, ./parse.ts for the structure.
 */
import type { Node } from 'prosemirror-model';
import { isLanguageCode, languageTable, type LanguageCode } from '../../languages/index.js';
import { linkReferences } from '../../numbering/index.js';
import { ImportError } from '../errors.js';
import { LineClassifier } from './classify.js';
import { labelReader } from './labels.js';
import { detectLanguage } from './language.js';
import { splitLines } from './lines.js';
import { parseLines } from './parse.js';

export interface TextImportOptions {
  /** The language of the text; detected from its keywords when absent. */
  language?: LanguageCode | string;
}

export interface TextImportResult {
  doc: Node;
  language: LanguageCode;
  /** One line each: what the importer guessed or repaired (`line 12: label c) is out of sequence…`). */
  warnings: string[];
  /** Lines kept where they stood but not recognised as part of the structure (1-based numbers). */
  unrecognised: Array<{ line: number; text: string }>;
}

export function importText(text: string, options: TextImportOptions = {}): TextImportResult {
  if (text.trim() === '') throw new ImportError('The text is empty: there is nothing to import.');
  if (text.includes('\u0000')) throw new ImportError('The text contains NUL characters: it looks like a binary file, not plain text.');
  if (options.language !== undefined && !isLanguageCode(options.language)) {
    throw new ImportError(`Unknown language "${options.language}": use one of ar, zh, en, fr, ru, es.`);
  }

  // A byte-order mark is an encoding detail, not the first character of the number line.
  const { lines, warnings: lineWarnings } = splitLines(text.replace(/^\uFEFF/, ''));
  if (lines.length === 0) throw new ImportError('The text holds only conversion artifacts (bookmarks, images): there is nothing to import.');
  const language = (options.language as LanguageCode | undefined) ?? detectLanguage(lines);
  const table = languageTable(language);
  const parsed = parseLines(lines, new LineClassifier(table), labelReader(table));
  // Textual references ("point 5 du décide") become live ones that follow renumbering.
  const doc = linkReferences(parsed.doc);
  doc.check();
  return {
    doc,
    language,
    warnings: [...lineWarnings, ...parsed.warnings],
    unrecognised: parsed.unrecognised.map((line) => ({ line: line.no, text: line.raw })),
  };
}
