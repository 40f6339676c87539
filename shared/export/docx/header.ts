/**
 * The page header of a Council document: from page 2, the page number as `- 2 -` centred, and the
 * document number on the next line; nothing on the first page (the cover).
 */
import { Header, PageNumber, TextRun, type IRunOptions } from 'docx';
import { paragraph, runFormat, type ExportContext } from './context.js';

type RunContent = NonNullable<IRunOptions['children']>[number];

/** `- {page} -` → `['- ', PAGE field, ' -']`. */
export function pageNumberRun(pattern: string): RunContent[] {
  const out: RunContent[] = [];
  pattern.split('{page}').forEach((part, index) => {
    if (index > 0) out.push(PageNumber.CURRENT);
    if (part) out.push(part);
  });
  return out;
}

export interface CouncilHeaders {
  default: Header;
  first?: Header;
}

export function councilHeaders(ctx: ExportContext, documentNumber: string): CouncilHeaders {
  const format = runFormat(ctx);
  const lines = [
    paragraph(ctx, {
      style: 'Header',
      children: [new TextRun({ ...format, children: pageNumberRun(ctx.table.header.pageNumberPattern.value) })],
    }),
  ];
  if (documentNumber) lines.push(paragraph(ctx, { style: 'Header', children: [new TextRun({ ...format, text: documentNumber })] }));
  const headers: CouncilHeaders = { default: new Header({ children: lines }) };
  if (ctx.table.header.differentFirstPage.value) headers.first = new Header({ children: [paragraph(ctx, { style: 'Header' })] });
  return headers;
}
