/**
 * A live reference whose label changes under tracking revises only its label in Word, as in the
 * text export: `au point <w:del>5</w:del><w:ins>6</w:ins> du décide`, never the whole phrase
 * deleted and inserted. Checked on Resolution 1332 (C24) for the three ways a label changes — an
 * item inserted in suggestion mode before the target, `plenary compare` of a version whose
 * reference follows its renumbered item, and of a version whose reference names another item —
 * in the three Word views, through pandoc and LibreOffice, and back through the importer.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../shared/compare/index.js';
import { exportDocx, type ExportMode } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { importText } from '../../shared/import/text/index.js';
import type { LanguageCode } from '../../shared/languages/index.js';
import { findItem } from '../../shared/numbering/index.js';
import { translateFixedLines } from '../../shared/translation/index.js';
import { docxParts, revisionReading, revisionsOf } from '../support/docx-xml.js';
import { fixture } from '../support/fixtures.js';
import { pandoc, pdfText, requireTool, sofficeConvert, tempDir } from '../support/office.js';
import { applyStructuralEdit, DELEGATE, livingItems } from '../support/structural-edits.js';

const SOURCE = fixture('council-res-1332-c24.txt');
const OLD = importText(SOURCE).doc;
const DATE = '2026-12-01T10:00:00Z';
const PHRASE = 'dont il est question';
/** The item `point 5 du décide` (in `charge le Groupe de travail` 1) names; the item before it, where the new one goes. */
const INVITER = "d'inviter les membres";
const GROUP = 'que le Groupe de travail du Conseil sur le SMSI et les ODD, ouvert';
const NEW_TEXT = "d'accueillir un point entièrement nouveau pour les membres;";
const NEW_ITEM = `4\t${NEW_TEXT}`;

/** A reference as the tests list it: its tracked mark and the first words of the item it names. */
const named = (mark: string, item: string) => `${mark}: ${item.slice(0, 20)}`;

/** Resolution 1332 with a new décide 4 before the Group's item: `d'inviter` (5) becomes 6. */
function withNewItem(referenceLabel: string): string {
  const lines = SOURCE.split('\n');
  lines.splice(
    lines.findIndex((line) => line.includes(GROUP)),
    0,
    NEW_ITEM,
  );
  return lines.join('\n').replace('question au point\u00a05 du décide', `question au point\u00a0${referenceLabel} du décide`);
}

interface Case {
  name: string;
  doc: Node;
  author: string;
  date: string;
  /** The label the reference reads in the new numbering (it reads 5 in the original). */
  label: string;
  /** The reference's items after the import, as `mark: item text`: one untracked when only renumbered. */
  references: string[];
}

/** `old` with a new item inserted in suggestion mode before the Group's item. */
function withItemSuggested(old: Node): Node {
  const index = livingItems(old).findIndex((pos) => old.nodeAt(pos)!.textContent.startsWith(GROUP));
  const doc = applyStructuralEdit(old, { kind: 'insert', at: index, text: NEW_TEXT });
  if (!doc) throw new Error('the tracked insertion did not apply');
  return doc;
}

function suggested(): Case {
  const doc = withItemSuggested(OLD);
  return {
    name: 'an item inserted in suggestion mode',
    doc,
    author: DELEGATE.author.name,
    date: DELEGATE.now!(),
    label: '6',
    references: [named('untracked', INVITER)],
  };
}

function compared(label: string, references: string[], name: string): Case {
  const doc = compareDocuments(OLD, importText(withNewItem(label)).doc, { date: DATE });
  return { name, doc, author: 'Comparison', date: DATE, label, references };
}

const CASES: Case[] = [
  suggested(),
  compared('6', [named('untracked', INVITER)], 'plenary compare, the reference following its renumbered item'),
  compared('4', [named('deletion', INVITER), named('insertion', NEW_TEXT)], 'plenary compare, the reference made to name another item'),
];

async function documentXml(doc: Node, mode: ExportMode): Promise<string> {
  return docxParts(await exportDocx(doc, { mode }))['word/document.xml']!;
}

/** The reading (revisionReading) of the paragraph holding the reference. */
function referenceLine(xml: string): string {
  const line = revisionReading(xml).find((l) => l.includes(PHRASE));
  if (!line) throw new Error(`no paragraph with "${PHRASE}"`);
  return line;
}

/** The live references of the paragraph holding the phrase, as `mark: first words of the item named`. */
function referencesOf(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    if (!node.textContent.includes(PHRASE)) return false;
    node.forEach((child) => {
      if (child.type.name !== 'cross_reference') return;
      const item = findItem(doc, child.attrs.target as string)!.item.textContent;
      out.push(named(child.marks.map((m) => m.type.name).join('+') || 'untracked', item));
    });
    return false;
  });
  return out;
}

const textLine = (doc: Node, mode: 'marked' | 'final' | 'original') =>
  writeText(doc, { mode })
    .split('\n')
    .find((l) => l.includes(PHRASE))!;

describe.each(CASES)('$name', ({ doc, author, date, label: changed, references }) => {
  const del = (text: string) => `{w:del ${author} ${date}: ${text}}`;
  const ins = (text: string) => `{w:ins ${author} ${date}: ${text}}`;

  it('marks only the label in Word: the words of the phrase are plain runs around the revision', async () => {
    const line = referenceLine(await documentXml(doc, 'markup'));
    expect(line).toContain(`question au point\u00a0${del('5')}${ins(changed)} du décide, par l'intermédiaire:`);
    // The only revisions of the paragraph are the label's.
    expect(line.match(/\{w:/g)).toHaveLength(2);
  });

  it('writes the final and original views as clean texts with the label of each numbering', async () => {
    for (const [mode, label] of [
      ['final', changed],
      ['original', '5'],
    ] as const) {
      const xml = await documentXml(doc, mode);
      expect(revisionsOf(xml)).toEqual([]);
      expect(referenceLine(xml)).toContain(`question au point\u00a0${label} du décide, par`);
    }
  });

  it('marks the same label in the text export as pandoc reads in the Word file (--track-changes=all)', async () => {
    const dir = tempDir('reference-labels-pandoc');
    try {
      const file = join(dir, 'markup.docx');
      writeFileSync(file, await exportDocx(doc, { mode: 'markup' }));
      const markdown = await pandoc(['-f', 'docx', '--track-changes=all', '-t', 'markdown', '--wrap=none', file]);
      // pandoc keeps the template's no-break space (`point\u00a05`); read it as a space.
      const line = markdown
        .split('\n')
        .find((l) => l.includes(PHRASE))!
        .replace(/\u00a0/g, ' ');
      expect(line).toContain(
        `au point [5]{.deletion author="${author}" date="${date}"}[${changed}]{.insertion author="${author}" date="${date}"} du décide`,
      );
      // pandoc's spans as the text export's marks: the same line, word for word.
      const asMarks = line
        .replace(/\[([^\]]*)\]\{\.deletion[^}]*\}/g, '[-$1-]')
        .replace(/\[([^\]]*)\]\{\.insertion[^}]*\}/g, '[+$1+]')
        .replace(/\\(['"])/g, '$1');
      const marked = textLine(doc, 'marked').replace(/\u00a0/g, ' ');
      expect(marked).toContain(`au point [-5-][+${changed}+] du décide`);
      expect(asMarks.replace(/\s+/g, ' ')).toBe(marked.replace(/\s+/g, ' '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads the label-only revision back as the live reference, and writes it again the same', async () => {
    const word = await exportDocx(doc, { mode: 'markup' });
    const back = importDocx(word).doc;
    expect(referencesOf(doc)).toEqual(references);
    expect(referencesOf(back)).toEqual(references);
    for (const mode of ['marked', 'final', 'original'] as const) expect(textLine(back, mode)).toBe(textLine(doc, mode));
    expect(revisionReading(await documentXml(back, 'markup'))).toEqual(revisionReading(docxParts(word)['word/document.xml']!));
  });
});

describe('LibreOffice shows only the label revised', () => {
  const dir = tempDir('reference-labels-office');
  beforeAll(async () => {
    for (const tool of ['soffice', 'pdftotext'] as const) await requireTool(tool);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets the old and the new label side by side inside one phrase, in the marked view; the final view reads the new one', async () => {
    const { doc } = CASES[0]!;
    const markup = join(dir, 'markup.docx');
    const final = join(dir, 'final.docx');
    writeFileSync(markup, await exportDocx(doc, { mode: 'markup' }));
    writeFileSync(final, await exportDocx(doc, { mode: 'final' }));
    const [markupPdf, finalPdf] = await sofficeConvert([markup, final], 'pdf', dir);
    // LibreOffice prints a deletion struck through beside the insertion: `point 56 du décide`.
    const phrase = (text: string) => /question au point (\S+) du décide/.exec(text.replace(/\s+/g, ' '))?.[1];
    expect(phrase(await pdfText(markupPdf!))).toBe('56');
    expect(phrase(await pdfText(finalPdf!))).toBe('6');
  }, 240_000);
});

describe.each([
  ['en', 'paragraph\u00a0{5|6} of resolves'],
  ['es', 'punto\u00a0{5|6} del resuelve'],
  ['ru', 'пункт\u00a0{5|6} раздела решает'],
  ['ar', 'الفقرة {5|6} من يقرر'],
  ['zh', '做出决议第{5|6}段'],
] as const)('Resolution 1332 with its keywords in %s', (language, wording) => {
  const translated = () => {
    const tr = EditorState.create({ doc: OLD }).tr;
    translateFixedLines(tr, language as LanguageCode);
    return withItemSuggested(tr.doc);
  };

  it(`revises only the label in Word and in the text (${wording}), and reads it back live`, async () => {
    const doc = translated();
    const author = DELEGATE.author.name;
    const date = DELEGATE.now!();
    const [before, after] = wording.split('{5|6}') as [string, string];
    const word = await exportDocx(doc, { mode: 'markup' });
    const xml = docxParts(word)['word/document.xml']!;
    expect(referenceLine(xml)).toContain(`${before}{w:del ${author} ${date}: 5}{w:ins ${author} ${date}: 6}${after}`);
    expect(textLine(doc, 'marked')).toContain(`${before}[-5-][+6+]${after}`);
    const back = importDocx(word, { language }).doc;
    expect(referencesOf(back)).toEqual([named('untracked', INVITER)]);
    expect(textLine(back, 'marked')).toBe(textLine(doc, 'marked'));
    expect(revisionReading(await documentXml(back, 'markup'))).toEqual(revisionReading(xml));
  });
});
