import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAccessError, FileFormatError } from '../../shared/file/index.js';
import { serializeDocument } from '../../shared/file/index.js';
import { readDocumentFile } from '../../node/file/index.js';
import { ImportError } from '../../shared/import/index.js';
import { revised1332 } from '../support/docx-fixtures.js';
import { fixturePath } from '../support/fixtures.js';

const FIXTURE = fixturePath('council-res-1332-c24.txt');
const MB = 1024 * 1024;
let dir: string;
let fixtureText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-input-'));
  fixtureText = await readFile(FIXTURE, 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The one-line message readDocumentFile refuses `path` with, checking the error's class. */
async function refusal(path: string, kind: new (message: string) => Error = FileFormatError): Promise<string> {
  const error = await readDocumentFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  const message = (error as Error).message;
  expect(message).not.toMatch(/\n/);
  return message;
}

describe('readDocumentFile: what it opens', () => {
  it('an ITU text: Res 1332 C24 imports as French with nothing unrecognised', async () => {
    const read = await readDocumentFile(FIXTURE);
    expect(read.kind).toBe('text');
    expect(read.language).toBe('fr');
    expect(read.unrecognised).toEqual([]);
    expect(read.metadata).toBeNull();
    expect(read.doc.firstChild?.type.name).toBe('resolution');
  });

  it('a .plenary document, exactly as saved, with its metadata', async () => {
    const doc = revised1332();
    const path = await fileWith('res.plenary', serializeDocument(doc));
    const read = await readDocumentFile(path);
    expect(read.kind).toBe('plenary');
    expect(read.doc.toJSON()).toEqual(doc.toJSON());
    expect(read.metadata?.title).toMatch(/^Rôle de l'UIT/);
    expect(read.warnings).toEqual([]);
  });

  it('a .plenary saved with a UTF-8 byte-order mark, or under another name: sniffed from its content', async () => {
    const doc = revised1332();
    const withBom = await fileWith('bom.plenary', `\uFEFF${serializeDocument(doc)}`);
    expect((await readDocumentFile(withBom)).doc.eq(doc)).toBe(true);
    const noExtension = await fileWith('resolution', serializeDocument(doc));
    expect((await readDocumentFile(noExtension)).kind).toBe('plenary');
    const textNoExtension = await fileWith('resolution-text', fixtureText);
    expect((await readDocumentFile(textNoExtension)).kind).toBe('text');
  });

  it('a UTF-16 text with its byte-order mark (Notepad\'s "Unicode") imports like the UTF-8 one', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixtureText, 'utf16le')]);
    const read = await readDocumentFile(await fileWith('utf16.txt', utf16));
    const reference = await readDocumentFile(FIXTURE);
    expect(read.doc.textContent).toBe(reference.doc.textContent);
  });
});

describe('readDocumentFile: bad input, one clear line each', () => {
  it('an empty file, and one of blank space only', async () => {
    expect(await refusal(await fileWith('empty.txt', ''))).toBe('the file is empty');
    expect(await refusal(await fileWith('empty.plenary', ''))).toBe('the file is empty');
    expect(await refusal(await fileWith('blank.txt', ' \n\n\t\n'))).toBe('the file is empty (only blank space)');
  });

  it('a binary file, whatever its name', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal(await fileWith('image.txt', png))).toBe('this is a binary file, not text (it contains NUL bytes)');
    expect(await refusal(await fileWith('image.plenary', png))).toBe('this is a binary file, not text (it contains NUL bytes)');
  });

  it('invalid UTF-8 (a Windows-1252 text), naming the line of the first bad byte', async () => {
    const latin1 = Buffer.from(fixtureText.split('\n').slice(0, 5).join('\n'), 'latin1');
    // Line 1 is `[bookmark: …]RÉSOLUTION`: its É is the first non-ASCII character.
    expect(await refusal(await fileWith('latin1.txt', latin1))).toBe(
      'the file is not valid UTF-8 text (first bad byte on line 1): save it as UTF-8',
    );
    const laterLine = Buffer.concat([Buffer.from('ligne une\nligne deux\n'), Buffer.from('considérant', 'latin1')]);
    expect(await refusal(await fileWith('latin1-3.txt', laterLine))).toMatch(/first bad byte on line 3/);
  });

  it('a 50 MB text is refused on its size, before it is read', async () => {
    const line = Buffer.from('a)\tla Résolution 140 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires;\n');
    const big = Buffer.alloc(50 * MB, line);
    const path = await fileWith('big.txt', big);
    expect(await refusal(path)).toBe('big.txt is 50.0 MB; the limit for a text file is 16.0 MB');
  });

  it('a 70 MB .plenary is refused on its size: the content (all NUL bytes) is never looked at', async () => {
    const path = join(dir, 'huge.plenary');
    await writeFile(path, '{');
    await truncate(path, 70 * MB); // sparse: no disk space used
    expect(await refusal(path)).toBe('huge.plenary is 70.0 MB; the limit for a Plenary document is 32.0 MB');
  });

  it('Word files: the old binary .doc, a truncated .docx, a .docx that is not one, and PDF / RTF', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(await fileWith('old.doc', ole), ImportError)).toBe(
      'this is an old binary Word file (.doc): open it in Word or LibreOffice, save it as .docx, and open that',
    );
    // Magic bytes win over the name: a .doc renamed .txt is still refused as .doc.
    expect(await refusal(await fileWith('renamed.txt', ole), ImportError)).toMatch(/old binary Word file/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(await refusal(await fileWith('new.docx', zip), ImportError)).toMatch(/^the Word file is damaged or truncated/);
    expect(await refusal(await fileWith('fake.docx', 'RÉSOLUTION 1'))).toBe(
      'this file is named .docx but is not a Word document (no zip signature)',
    );
    expect(await refusal(await fileWith('paper.pdf', '%PDF-1.7\n'))).toMatch(/^this is a PDF file/);
    expect(await refusal(await fileWith('letter.rtf', '{\\rtf1\\ansi x}'))).toBe('this is an RTF file: save it as .docx first');
  });

  it('a .plenary of a future version, one breaking the schema, a truncated one', async () => {
    const good = JSON.parse(serializeDocument(revised1332())) as Record<string, unknown>;
    expect(await refusal(await fileWith('future.plenary', JSON.stringify({ ...good, version: 3 })))).toBe(
      'the file was made by a newer Plenary (format 3); this version reads up to 1',
    );
    const broken = JSON.stringify(good).replace('"type":"call"', '"type":"invocation"');
    expect(await refusal(await fileWith('broken.plenary', broken))).toBe('unknown node type "invocation" (in doc > resolution)');
    const text = serializeDocument(revised1332());
    expect(await refusal(await fileWith('cut.plenary', text.slice(0, text.length / 2)))).toBe(
      'the file is truncated: it ends in the middle of the document',
    );
  });

  it('a text the importer refuses passes on its ImportError', async () => {
    expect(await refusal(await fileWith('artifacts.txt', '[bookmark: _Hlk1]\n[image: ]\n'), ImportError)).toMatch(/conversion artifacts/);
  });

  it('a missing file and a folder', async () => {
    const missing = join(dir, 'nowhere.txt');
    expect(await refusal(missing, FileAccessError)).toBe(`cannot read ${missing}: no such file or folder`);
    const folder = join(dir, 'folder.plenary');
    await mkdir(folder);
    expect(await refusal(folder, FileAccessError)).toBe(`${folder} is a folder, not a file`);
    expect(await refusal('/dev/null', FileAccessError)).toBe('/dev/null is not a regular file');
  });
});
