/**
 * The library of texts in force, on disk: `<userData>/library/` holds each text as a plain
 * `.plenary` file and `index.json` (number, body, version, language, title, and the text's words for
 * full-text search), written atomically. A library that does not exist yet is seeded with the texts
 * Plenary ships (resources/library), so a delegate can pick a resolution offline on first use.
 *
 * Adding a file that is already there (same number, body, version and language) replaces it: the
 * library holds one copy of each version of each text. The editor's File → Add to Library… asks the
 * user first, who may keep both (addDocument).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { z } from 'zod';
import { writeText } from '../../shared/export/index.js';
import { describeTextInForce, SearchIndex, searchWords, type SearchHit, type TextInForce } from '../../shared/library/index.js';
import { newId } from '../../shared/model/index.js';
import { BODIES, type Body } from '../../shared/proposals/index.js';
import { LANGUAGE_CODES } from '../../shared/languages/index.js';
import { readDocumentFile, saveDocument } from '../file/index.js';
import { readJsonFile, writeJsonAtomic } from './storage.js';
import { UserFacingError } from '../../shared/errors/index.js';

export interface LibraryEntry extends TextInForce {
  id: string;
  /** The `.plenary` file in the library folder. */
  file: string;
}

/** A text the library cannot take or find; one line, for the user. */
export class LibraryError extends UserFacingError {
  override name = 'LibraryError';
}

const entrySchema = z.object({
  id: z.string().regex(/^[0-9a-z]+$/),
  file: z.string(),
  number: z.string().nullable(),
  body: z.enum(BODIES).nullable(),
  version: z.string(),
  language: z.enum(LANGUAGE_CODES),
  title: z.string(),
  numberLine: z.string(),
  text: z.string(),
});
const indexSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
type StoredEntry = z.infer<typeof entrySchema>;

/** A reference that is a number, or one word and a number, maybe with its version: `30`, `Res. 30`, `RESOLUTION 30 (Rev. Kigali, 2022)`. */
const NAMED_BY_NUMBER = /^(?:[\p{L}.]+\s+)?(\d+(?:[./]\d+)*)\s*(?:\([^()]*\))?$/u;

/** Whether a library holds the text a proposal names by its number line (accents, case and spacing aside). */
export function holdsNumberLine(entries: readonly LibraryEntry[], numberLine: string): boolean {
  const wanted = searchWords(numberLine).join(' ');
  return entries.some((entry) => searchWords(entry.numberLine).join(' ') === wanted);
}

export interface OpenLibraryOptions {
  /** Texts to seed a new library with (.txt, .docx, .plenary); none when absent. */
  seedDir?: string;
}

export class Library {
  private index: SearchIndex<LibraryEntry>;

  private constructor(
    private readonly dir: string,
    private stored: StoredEntry[],
  ) {
    this.index = Library.indexOf(stored);
  }

  /** The library in `<userDataDir>/library`, created (and seeded) on first use. */
  static async open(userDataDir: string, options: OpenLibraryOptions = {}): Promise<Library> {
    const dir = path.join(userDataDir, 'library');
    const indexFile = path.join(dir, 'index.json');
    if (existsSync(indexFile)) {
      // A damaged index is refused, not replaced: rebuilding it would drop the texts the user added.
      const parsed = indexSchema.safeParse(await readJsonFile(indexFile));
      if (!parsed.success) throw new LibraryError(`The library index ${indexFile} is damaged: move it away to start a new library.`);
      return new Library(dir, parsed.data.entries);
    }
    await mkdir(dir, { recursive: true });
    const library = new Library(dir, []);
    if (options.seedDir) {
      const files = (await readdir(options.seedDir)).filter((name) => /\.(txt|docx|plenary)$/i.test(name)).sort();
      for (const name of files) await library.add(path.join(options.seedDir, name), { save: false });
    }
    await library.save();
    return library;
  }

  private static indexOf(stored: readonly StoredEntry[]): SearchIndex<LibraryEntry> {
    return new SearchIndex(stored.map(({ text, ...entry }) => ({ item: entry, number: entry.number, title: entry.title, text })));
  }

  get entries(): LibraryEntry[] {
    return this.stored.map(({ text: _text, ...entry }) => entry);
  }

  search(query: string, limit = 20): Array<SearchHit<LibraryEntry>> {
    return this.index.search(query, limit);
  }

  /**
   * The one text a delegate names: an entry id, a number (`30`), or any query whose best hit is
   * clear. Several texts with the same number (a Council and a WTDC Resolution 30) is a refusal
   * that lists them.
   */
  find(reference: string): LibraryEntry {
    const byId = this.entries.find((entry) => entry.id === reference);
    if (byId) return byId;
    // `30`, `Res. 30`, `RÉSOLUTION 71 (Rév. Bucarest, 2022)`: a number names the text by its number
    // (and its number line, when given whole), never a text that merely mentions the number.
    const named = NAMED_BY_NUMBER.exec(reference.trim());
    let found: LibraryEntry[];
    if (named) {
      found = this.entries.filter((entry) => entry.number === named[1]);
      const exact = found.filter((entry) => holdsNumberLine([entry], reference));
      if (exact.length > 0) found = exact;
    } else {
      const hits = this.search(reference, 10);
      found = hits.filter((hit) => hit.score === hits[0]!.score).map((hit) => hit.item);
    }
    if (found.length === 0) throw new LibraryError(`No text in the library matches "${reference}".`);
    if (found.length > 1) {
      const names = found.map((entry) => `${entry.id} (${entry.numberLine})`).join('; ');
      throw new LibraryError(`"${reference}" matches ${found.length} texts: ${names}; name one by its id.`);
    }
    return found[0]!;
  }

  /** The `.plenary` file of an entry. */
  fileOf(entry: LibraryEntry): string {
    return path.join(this.dir, entry.file);
  }

  /** The document of an entry. */
  async read(entry: LibraryEntry): Promise<Node> {
    return (await readDocumentFile(this.fileOf(entry))).doc;
  }

  /** Imports a file into the library (replacing the same version of the same text); returns its entry and the import's warnings. */
  async add(
    file: string,
    options: { body?: Body; save?: boolean } = {},
  ): Promise<{ entry: LibraryEntry; warnings: string[]; replaced: boolean }> {
    const read = await readDocumentFile(file);
    const described = describeTextInForce(read.doc);
    if (!described)
      throw new LibraryError(`${path.basename(file)} holds no resolution: the library keeps texts in force (resolutions, decisions).`);
    const info: TextInForce = { ...described, body: options.body ?? described.body };
    const { entry, replaced } = await this.store(read.doc, info, this.sameText(info), options.save !== false);
    return { entry, warnings: read.warnings, replaced };
  }

  /**
   * Stores a document (File → Add to Library… in the editor) with the number, body, version and
   * language the user confirmed; its title and number line are read from it. When the library
   * already holds that text, `ask` stores nothing and returns it, `replace` takes its place,
   * `keep-both` stores the new one beside it.
   */
  async addDocument(
    doc: Node,
    confirmed: Pick<TextInForce, 'number' | 'body' | 'version' | 'language'>,
    duplicate: 'ask' | 'replace' | 'keep-both',
  ): Promise<{ entry: LibraryEntry; replaced: boolean } | { duplicate: LibraryEntry }> {
    const described = describeTextInForce(doc);
    if (!described) throw new LibraryError('The document holds no resolution: the library keeps texts in force (resolutions, decisions).');
    const version = confirmed.version.trim();
    if (!version) throw new LibraryError('A text in the library needs its version (such as Rev. Kigali, 2022).');
    const info: TextInForce = { ...described, ...confirmed, version };
    const same = this.sameText(info);
    if (same >= 0 && duplicate === 'ask') return { duplicate: this.entries[same]! };
    return this.store(doc, info, duplicate === 'replace' ? same : -1, true);
  }

  /** The index of the stored text with the same number, body, version and language, or -1. */
  private sameText(info: TextInForce): number {
    return this.stored.findIndex(
      (entry) =>
        entry.number === info.number && entry.body === info.body && entry.version === info.version && entry.language === info.language,
    );
  }

  /** Writes the text's file and its index entry, in place of the entry at `replacing` (-1: a new one). */
  private async store(doc: Node, info: TextInForce, replacing: number, save: boolean): Promise<{ entry: LibraryEntry; replaced: boolean }> {
    const id = replacing >= 0 ? this.stored[replacing]!.id : newId();
    const entry: LibraryEntry = { ...info, id, file: `${id}.plenary` };
    await saveDocument(path.join(this.dir, entry.file), doc);
    const stored: StoredEntry = { ...entry, text: writeText(doc, { mode: 'final' }) };
    if (replacing >= 0) this.stored[replacing] = stored;
    else this.stored.push(stored);
    this.index = Library.indexOf(this.stored);
    if (save) await this.save();
    return { entry, replaced: replacing >= 0 };
  }

  private async save(): Promise<void> {
    await writeJsonAtomic(path.join(this.dir, 'index.json'), { version: 1, entries: this.stored });
  }
}

/**
 * The texts Plenary ships to seed a new library: `resources/library` of the installation, found by
 * walking up from this module (node/services in a checkout, dist/cli in the bundled CLI).
 */
export function bundledLibraryDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources', 'library');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
