/**
 * Opening a Word file as a package of XML parts, refusing what Plenary must not open: an old binary
 * .doc, a password-protected file, a macro-enabled .docm, a zip that is not a Word document, XML with
 * a DTD (external entities are never resolved: documents that declare any are refused outright).
 */
import { ImportError } from '../errors.js';
import { DEFAULT_ZIP_LIMITS, readZipEntries, type ZipLimits } from './zip.js';

export interface DocxPackage {
  /** The main document part, e.g. `word/document.xml`. */
  document: string;
  styles: string | null;
  footnotes: string | null;
  /** Endnotes: Plenary reads them as notes at their anchors, like footnotes. */
  endnotes: string | null;
  comments: string | null;
  numbering: string | null;
  /** Document settings (`word/settings.xml`): whether Track Changes is on, among others. */
  settings: string | null;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MACRO_CONTENT_TYPE = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const MAIN_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE compound file is either a Word 97–2003 .doc or an encrypted (password-protected) OOXML file. */
function describeOleFile(bytes: Uint8Array): string {
  // Encrypted OOXML stores an "EncryptionInfo" stream; its directory entry name is UTF-16LE.
  const marker = new TextEncoder().encode('EncryptionInfo');
  const utf16 = new Uint8Array(marker.length * 2);
  marker.forEach((b, i) => (utf16[i * 2] = b));
  if (indexOf(bytes, utf16) >= 0) {
    return 'the Word file is password-protected: remove the password in Word (File → Info → Protect Document) and try again';
  }
  return 'this is an old binary Word file (.doc): open it in Word or LibreOffice, save it as .docx, and open that';
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const limit = Math.min(haystack.length, 8 * 1024 * 1024) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Decodes an XML part (UTF-8, or UTF-16 with its byte-order mark) and refuses DTDs. */
function decodeXmlPart(name: string, bytes: Uint8Array): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`the Word file is damaged: ${name} is not valid text`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ImportError(`the Word file declares a DTD or entities in ${name}: refused as unsafe`);
  }
  return text;
}

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return match ? match[1]! : null;
}

/** Targets of the relationships of one type in a .rels part, resolved against `base`. */
function relationshipTargets(rels: string, typeSuffix: string, base: string): string[] {
  const targets: string[] = [];
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = attr(match[0], 'Type') ?? '';
    const target = attr(match[0], 'Target');
    if (!target || !type.endsWith(typeSuffix)) continue;
    targets.push(resolvePartName(base, target));
  }
  return targets;
}

function resolvePartName(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base ? base.split('/') : [];
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

export function openDocxPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocxPackage {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportError(describeOleFile(bytes));
  if (!startsWith(bytes, ZIP_MAGIC))
    throw new ImportError('this is not a Word document (.docx files are zip archives; this file is not one)');

  // First the small parts that say where the document is and what it is.
  const head = readZipEntries(
    bytes,
    (name) => name === '[Content_Types].xml' || name === '_rels/.rels' || name === 'word/vbaProject.bin',
    limits,
  );
  const contentTypesBytes = head.get('[Content_Types].xml');
  if (!contentTypesBytes) throw new ImportError('this zip archive is not a Word document (no [Content_Types].xml)');
  const contentTypes = decodeXmlPart('[Content_Types].xml', contentTypesBytes);
  if (contentTypes.includes(MACRO_CONTENT_TYPE) || head.has('word/vbaProject.bin')) {
    throw new ImportError(
      'this is a macro-enabled Word file (.docm): Plenary does not open files with macros; save it as .docx in Word first',
    );
  }
  const rels = head.get('_rels/.rels');
  const mainFromRels = rels ? relationshipTargets(decodeXmlPart('_rels/.rels', rels), '/officeDocument', '')[0] : undefined;
  const mainFromTypes = [...contentTypes.matchAll(/<Override\b[^>]*>/g)]
    .filter((m) => MAIN_CONTENT_TYPES.includes(attr(m[0], 'ContentType') ?? ''))
    .map((m) => (attr(m[0], 'PartName') ?? '').replace(/^\//, ''))[0];
  const main = mainFromRels ?? mainFromTypes;
  if (!main) throw new ImportError('this zip archive is not a Word document (no main document part)');

  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : '';
  const relsName = `${folder ? folder + '/' : ''}_rels/${main.slice(main.lastIndexOf('/') + 1)}.rels`;
  const mainRels = readZipEntries(bytes, (name) => name === relsName, limits).get(relsName);
  const relsText = mainRels ? decodeXmlPart(relsName, mainRels) : '';
  const partFor = (suffix: string, fallback: string) => relationshipTargets(relsText, suffix, folder)[0] ?? fallback;
  const names = {
    styles: partFor('/styles', `${folder}/styles.xml`),
    footnotes: partFor('/footnotes', `${folder}/footnotes.xml`),
    endnotes: partFor('/endnotes', `${folder}/endnotes.xml`),
    comments: partFor('/comments', `${folder}/comments.xml`),
    numbering: partFor('/numbering', `${folder}/numbering.xml`),
    settings: partFor('/settings', `${folder}/settings.xml`),
  };
  const wantedNames = new Set([main, ...Object.values(names)]);
  const parts = readZipEntries(bytes, (name) => wantedNames.has(name), limits);
  const text = (name: string) => {
    const data = parts.get(name);
    return data ? decodeXmlPart(name, data) : null;
  };
  const document = text(main);
  if (document === null) throw new ImportError(`the Word file is damaged: its main part ${main} is missing`);
  return {
    document,
    styles: text(names.styles),
    footnotes: text(names.footnotes),
    endnotes: text(names.endnotes),
    comments: text(names.comments),
    numbering: text(names.numbering),
    settings: text(names.settings),
  };
}
