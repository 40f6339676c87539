import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../shared/import/index.js';
import { openDocxPackage } from '../../shared/import/docx/package.js';
import { listZipEntries, readZipEntries } from '../../shared/import/docx/zip.js';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>rappelant</w:t></w:r></w:p></w:body></w:document>`;

function docx(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [typeof data === 'string' ? strToU8(data) : data, { level }];
  return zipSync(files);
}

const valid = () => docx({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': DOCUMENT });

function refusal(bytes: Uint8Array): string {
  try {
    openDocxPackage(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the file was accepted');
}

describe('opening a Word package', () => {
  it('reads the main document of a valid package', () => {
    expect(openDocxPackage(valid()).document).toContain('rappelant');
  });

  it('refuses a file that is not a zip', () => {
    expect(refusal(strToU8('just some text, not a Word file'))).toMatch(/not a Word document/);
  });

  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array(0))).toMatch(/empty/);
  });

  it('refuses a truncated zip', () => {
    const bytes = valid();
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/damaged or truncated/);
  });

  it('refuses an old binary .doc and says to convert it', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole)).toMatch(/old binary Word file \(\.doc\).*save it as \.docx/);
  });

  it('refuses a password-protected file', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    expect(refusal(ole)).toMatch(/password-protected/);
  });

  it('refuses a macro-enabled .docm', () => {
    const types = CONTENT_TYPES.replace(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.ms-word.document.macroEnabled.main+xml',
    );
    expect(refusal(docx({ '[Content_Types].xml': types, '_rels/.rels': ROOT_RELS, 'word/document.xml': DOCUMENT }))).toMatch(
      /macro-enabled/,
    );
    expect(
      refusal(
        docx({
          '[Content_Types].xml': CONTENT_TYPES,
          '_rels/.rels': ROOT_RELS,
          'word/document.xml': DOCUMENT,
          'word/vbaProject.bin': new Uint8Array(10),
        }),
      ),
    ).toMatch(/macro-enabled/);
  });

  it('refuses XML with a DTD or external entities and never resolves them', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${DOCUMENT.slice(DOCUMENT.indexOf('<w:document'))}`;
    const message = refusal(docx({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': xxe }));
    expect(message).toMatch(/DTD/);
    expect(message).not.toContain('root:');
  });

  it('refuses a zip that is not a Word document', () => {
    expect(refusal(docx({ 'hello.txt': 'hi' }))).toMatch(/not a Word document/);
  });

  it('refuses a zip bomb by its ratio before inflating it', () => {
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const bytes = docx({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': zeros }, 9);
    const started = Date.now();
    expect(refusal(bytes)).toMatch(/zip bomb|too large/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a 100 MB document.xml', () => {
    // Text that compresses moderately, so the ratio alone does not catch it: the size limit must.
    const unit = strToU8('<w:p><w:r><w:t>considérant que le texte se répète</w:t></w:r></w:p>');
    const big = new Uint8Array(100 * 1024 * 1024);
    for (let offset = 0; offset + unit.length <= big.length; offset += unit.length) big.set(unit, offset);
    const bytes = docx({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, 'word/document.xml': big }, 1);
    expect(refusal(bytes)).toMatch(/too large once unpacked|zip bomb/);
  });

  it('names a garbled part in one short line, whatever bytes its name holds (found by the mutation fuzz test)', () => {
    const garbled = `word/${'\u0001\n\u0007'.repeat(3)}${'x'.repeat(200)}.xml`;
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const message = refusal(docx({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, [garbled]: zeros }, 9));
    expect(message).toMatch(/^the Word file (looks like a zip bomb|is too large once unpacked): "word\/\?+x+…"/);
    expect(message).not.toMatch(/\p{Cc}/u);
    expect(message.length).toBeLessThan(160);
    expect(new ImportError('a\nb\u0000c').message).toBe('a b c');
  });

  it('stops inflating a part that grows past the size its header declared', () => {
    // Forge the directory: claim 1 KB for a part that inflates to 8 MB.
    const bytes = docx({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, 9);
    const forged = bytes.slice();
    const view = new DataView(forged.buffer);
    // Patch every "uncompressed size" field (local header offset 22, central header offset 24) of document.xml.
    const name = strToU8('word/document.xml');
    for (let i = 0; i + 46 < forged.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50 && matches(forged, i + 30, name)) view.setUint32(i + 22, 1024, true);
      if (sig === 0x02014b50 && matches(forged, i + 46, name)) view.setUint32(i + 24, 1024, true);
    }
    expect(listZipEntries(forged).find((e) => e.name === 'word/document.xml')?.size).toBe(1024);
    expect(() => readZipEntries(forged, (n) => n === 'word/document.xml')).toThrow(/inflates past its declared size/);
  });
});

function matches(bytes: Uint8Array, offset: number, needle: Uint8Array): boolean {
  return needle.every((b, i) => bytes[offset + i] === b);
}
