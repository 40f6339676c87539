/** Hand-built Word packages for import tests: a body of WordprocessingML in, a .docx out. */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface PackageParts {
  body: string;
  styles?: Array<{ id: string; name: string }>;
  footnotes?: Record<string, string>;
  /** Endnote id → its body (word/endnotes.xml). */
  endnotes?: Record<string, string>;
  comments?: number;
  /** Deflate level of every part (0 stores them: the zip-bomb ratio check then lets any text through). */
  level?: 0 | 6 | 9;
  /** The children of `w:settings` (settings.xml), e.g. `<w:trackRevisions/>`; no settings part when absent. */
  settings?: string;
}

export function buildDocx(parts: PackageParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${parts.body}<w:sectPr/></w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${(parts.styles ?? [])
      .map((s) => `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${s.name}"/></w:style>`)
      .join('')}</w:styles>`),
    'word/footnotes.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${Object.entries(
      parts.footnotes ?? {},
    )
      .map(([id, body]) => `<w:footnote w:id="${id}">${body}</w:footnote>`)
      .join('')}</w:footnotes>`),
    'word/endnotes.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:endnotes xmlns:w="${W}"><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>${Object.entries(
      parts.endnotes ?? {},
    )
      .map(([id, body]) => `<w:endnote w:id="${id}">${body}</w:endnote>`)
      .join('')}</w:endnotes>`),
    'word/comments.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="${W}">${Array.from({ length: parts.comments ?? 0 }, (_, i) => `<w:comment w:id="${i}" w:author="R"><w:p><w:r><w:t>note</w:t></w:r></w:p></w:comment>`).join('')}</w:comments>`),
  };
  // Found by its default name (word/settings.xml), as the importer falls back to when no relationship names it.
  if (parts.settings !== undefined)
    files['word/settings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="${W}">${parts.settings}</w:settings>`);
  return zipSync(files, { level: parts.level ?? 6 });
}

/** A paragraph: `p('Call', run('décide'))`. */
export function p(style: string | null, ...content: string[]): string {
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${pPr}${content.join('')}</w:p>`;
}

export function run(text: string, rPr = ''): string {
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export const tab = '<w:r><w:tab/></w:r>';

export function ins(id: number, author: string, date: string, ...content: string[]): string {
  return `<w:ins w:id="${id}" w:author="${author}" w:date="${date}">${content.join('')}</w:ins>`;
}

export function del(id: number, author: string, date: string, text: string): string {
  return `<w:del w:id="${id}" w:author="${author}" w:date="${date}"><w:r><w:delText xml:space="preserve">${escapeXml(text)}</w:delText></w:r></w:del>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
