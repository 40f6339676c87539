/**
 * A real ITU document from WRC-12 in Arabic (test/fixtures/docx-wild/ptools-RP051-Arabic.docx,
 * Mexico's Addendum 3 to Document 18, `CMR12/18(Add.3)-A`): its background section is five
 * paragraphs and two lettered ones in plain type, after a sentence that names Resolution 417
 * (`القرار 417 (WRC‑07): …`) and before the proposal's own number line (`القـرار 417 (REV.WRC-12)`).
 * Read as the number line, that sentence made everything down to the call one bold title.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Node } from 'prosemirror-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx/index.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { pandocLines, plenaryLines, wordDifferences, words } from '../support/docx-wild.js';
import { requireTool } from '../support/office.js';

const FILE = new URL('../fixtures/docx-wild/ptools-RP051-Arabic.docx', import.meta.url);
const BACKGROUND = 'معلومات أساسية';
const PROPOSALS = 'المقترحات';

/** The lines strictly between the background heading and the proposals heading. */
function background(lines: string[]): string[] {
  const from = lines.findIndex((line) => line.trim() === BACKGROUND);
  const to = lines.findIndex((line, index) => index > from && line.trim() === PROPOSALS);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  return lines.slice(from + 1, to).filter((line) => line.trim() !== '');
}

/** The top-level blocks of the document, in order. */
function textBlocks(doc: Node): Node[] {
  const blocks: Node[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

function marksIn(node: Node): Set<string> {
  const names = new Set<string>();
  node.descendants((child) => {
    for (const mark of child.marks) names.add(mark.type.name);
  });
  return names;
}

describe('the WRC-12 Arabic proposal (CMR12/18(Add.3)-A)', () => {
  const bytes = new Uint8Array(readFileSync(FILE));
  let pandoc: string[] = [];
  beforeAll(async () => {
    requireTool('pandoc');
    pandoc = background(await pandocLines(fileURLToPath(FILE), 'accept'));
  });

  it('keeps the background paragraphs apart, in order, with the original words', () => {
    const plenary = background(plenaryLines(bytes, 'accept'));
    expect(pandoc).toHaveLength(7);
    expect(plenary).toHaveLength(pandoc.length);
    plenary.forEach((line, index) => expect(wordDifferences(words([line]), words([pandoc[index]!]))).toEqual([]));
  });

  it('reads the sentence naming Resolution 417 as a paragraph, and the proposal’s number line, title and call as such', () => {
    const { doc } = importDocx(bytes);
    const blocks = textBlocks(doc);
    const sentence = blocks.find((block) => /^القرار 417\s\(WRC‑07\): /u.test(block.textContent));
    expect(sentence?.type.name).toBe('paragraph');
    const resolutions = blocks.filter((block) => block.type.name === 'resolution');
    expect(resolutions).toHaveLength(1);
    const [numberLine, title, call] = [0, 1, 2].map((index) => resolutions[0]!.child(index));
    expect(numberLine!.type.name).toBe('number_line');
    expect(title!.textContent.replace(/\s/gu, ' ')).toBe('استعمال الخدمة المتنقلة للطيران (R) للنطاق MHz 1 164-960');
    expect(call!.textContent).toContain('إن المؤتمر العالمي للاتصالات الراديوية');
  });

  it('sets the background in plain type, bold only where the original is bold', () => {
    const { doc } = importDocx(bytes);
    const blocks = textBlocks(doc);
    const from = blocks.findIndex((block) => block.textContent === BACKGROUND);
    const to = blocks.findIndex((block) => block.textContent === PROPOSALS);
    const section = blocks.slice(from + 1, to);
    expect(section.map((block) => block.type.name)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'item_list',
    ]);
    for (const block of section) expect(marksIn(block).has('strong')).toBe(false);
    // Paragraph 4.1 before it bolds its resolution numbers, as the original does.
    const agendaItem = blocks.find((block) => /413\s\(Rev\.WRC/u.test(block.textContent));
    const bold: string[] = [];
    agendaItem?.descendants((child) => {
      if (child.isText && child.marks.some((mark) => mark.type.name === 'strong')) bold.push(child.text!);
    });
    expect(bold.join('')).toMatch(/^413\s\(Rev\.WRC/u);
  });

  it('keeps them apart through Word export and import again', async () => {
    const exported = await exportDocx(importDocx(bytes).doc, { mode: 'markup' });
    const again = background(plenaryLines(exported, 'accept'));
    expect(again).toHaveLength(pandoc.length);
    again.forEach((line, index) => expect(wordDifferences(words([line]), words([pandoc[index]!]))).toEqual([]));
  });
});
