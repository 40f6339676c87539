/**
 * The real ITU texts of test/fixtures (their sources and licences are noted beside them), for every
 * test that reads one: by path, as text, or as the document the text importer makes of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { importText } from '../../shared/import/index.js';
import type { LanguageCode } from '../../shared/languages/index.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The absolute path of a fixture (`council-res-1332-c24.txt`, `clipboard/word.html`). */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, new URL('../fixtures/', import.meta.url)));
}

/** A fixture's text. */
export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** A fixture text as the text importer reads it. */
export function fixtureDocument(name: string, options: { language?: LanguageCode } = {}): Node {
  return importText(fixture(name), options).doc;
}

/** The fixtures with this extension, sorted by name. */
export function fixtureNames(extension = '.txt'): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith(extension))
    .sort();
}
