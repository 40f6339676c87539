/**
 * Issue 15 follow-up: a section's keyword line deleted with tracking on ("décide" selected and
 * deleted) left, once accepted, a section with no keyword, which Word's final view read as items of
 * the section before. A tracked edit that deletes a whole keyword while its items stay is refused
 * with a message, nothing changed; typing the new keyword over it, or deleting the section with its
 * items, is tracked as usual, and every view (accept-all, reject-all, the Word final view) agrees.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { structureKeymap } from '../../shared/editing/index.js';
import { exportDocx } from '../../shared/export/docx/index.js';
import { writeText } from '../../shared/export/index.js';
import { importDocx } from '../../shared/import/index.js';
import { acceptAll, rejectAll } from '../../shared/tracking/review.js';
import { applyEditorTransaction, createEditorState } from '../../renderer/editor/create-editor.js';
import { trackedSession } from '../support/review.js';

const KEYS = structureKeymap();
const DELETE = chainCommands(KEYS.Delete!, baseKeymap.Delete!);

/** The keyword textblock of the section whose keyword is `keyword`. */
function keywordAt(doc: Node, keyword: string): { pos: number; node: Node } {
  let found: { pos: number; node: Node } | null = null;
  doc.descendants((node, pos) => {
    if (!found && node.type.name === 'section_keyword' && node.textContent === keyword) found = { pos, node };
    return !found;
  });
  expect(found, keyword).not.toBeNull();
  return found!;
}

function keywords(doc: Node): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'section') out.push(`${node.child(0).textContent} (${node.child(1).childCount})`);
    return node.type.name !== 'section';
  });
  return out;
}

function select(state: EditorState, from: number, to: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function pressDelete(state: EditorState) {
  let result: ReturnType<typeof applyEditorTransaction> | null = null;
  expect(DELETE(state, (tr) => (result = applyEditorTransaction(state, tr)))).toBe(true);
  return result!;
}

describe('deleting a section keyword with tracking on', () => {
  it("the keyword's words selected and deleted: refused with a message, the document unchanged", () => {
    const state = trackedSession('Marie');
    const { pos, node } = keywordAt(state.doc, 'décide');
    const result = pressDelete(select(state, pos + 1, pos + 1 + node.content.size));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/keyword "décide" cannot be deleted while its items stay.*type the new keyword over it/);
  });

  it('the keyword line selected to the start of the first item: refused too', () => {
    const state = trackedSession('Marie');
    const { pos, node } = keywordAt(state.doc, 'décide');
    // The whole line, paragraph mark included, as a triple click selects it.
    const firstItemText = pos + node.nodeSize + 3;
    expect(state.doc.resolve(firstItemText).parent.type.name).toBe('item_text');
    const result = pressDelete(select(state, pos + 1, firstItemText));
    expect(result.ok).toBe(false);
    // With tracking off the same keys leave the empty keyword line on screen, to be typed into.
    const plain = pressDelete(select(createEditorState(state.doc, { author: 'Marie', tracking: false }), pos + 1, firstItemText));
    expect(plain.ok && keywords(plain.state.doc).filter((k) => k.startsWith(' ('))).toEqual([' (6)']);
  });

  it('typing the new keyword over it is tracked; accept, reject and the Word final view agree', async () => {
    let state = trackedSession('Marie');
    const before = keywords(state.doc);
    const { pos, node } = keywordAt(state.doc, 'décide');
    state = select(state, pos + 1, pos + 1 + node.content.size);
    const typed = applyEditorTransaction(state, state.tr.insertText('décide en outre'));
    expect(typed.ok).toBe(true);
    if (!typed.ok) return;
    const doc = typed.state.doc;
    expect(writeText(doc)).toMatch(/\[-décide-\]\[\+décide en outre\+\]|\[\+décide en outre\+\]\[-décide-\]/);
    expect(keywords(rejectAll(doc))).toEqual(before);
    const accepted = acceptAll(doc);
    const expected = before.map((s) => (s.startsWith('décide (') ? s.replace('décide', 'décide en outre') : s));
    expect(keywords(accepted)).toEqual(expected);
    // The Word final view reads back with the same sections, each item under its own keyword.
    const final = importDocx(await exportDocx(doc, { mode: 'final' })).doc;
    expect(keywords(final)).toEqual(expected);
  });

  it('the whole section, keyword and items, selected and deleted: tracked, and the Word final view has one section less', async () => {
    const state = trackedSession('Marie');
    const before = keywords(state.doc);
    const { pos } = keywordAt(state.doc, 'décide');
    const $keyword = state.doc.resolve(pos);
    const section = $keyword.before($keyword.depth + 1 - 1);
    const sectionNode = state.doc.nodeAt(section)!;
    expect(sectionNode.type.name).toBe('section');
    const end = section + sectionNode.nodeSize;
    const result = applyEditorTransaction(state, state.tr.delete(section, end));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(keywords(rejectAll(result.state.doc))).toEqual(before);
    const expected = before.filter((s) => !s.startsWith('décide ('));
    expect(keywords(acceptAll(result.state.doc))).toEqual(expected);
    expect(keywords(importDocx(await exportDocx(result.state.doc, { mode: 'final' })).doc)).toEqual(expected);
  });
});

describe('a keyword line left empty with tracking off, through Word', () => {
  /** The resolution with the words of its "décide" keyword deleted, tracking off: the empty line stays, to be typed into. */
  function emptiedKeyword(): Node {
    const state = createEditorState(trackedSession('Marie').doc, { author: 'Marie', tracking: false });
    const { pos, node } = keywordAt(state.doc, 'décide');
    const result = pressDelete(select(state, pos + 1, pos + 1 + node.content.size));
    expect(result.ok).toBe(true);
    return result.ok ? result.state.doc : state.doc;
  }

  it('reads back as a section of its own, its items not joined to the section before', async () => {
    const doc = emptiedKeyword();
    expect(keywords(doc)).toContain(' (6)');
    const back = importDocx(await exportDocx(doc, { mode: 'markup' }));
    expect(keywords(back.doc)).toEqual(keywords(doc));
    expect(writeText(back.doc)).toBe(writeText(doc));
    const kinds: string[] = [];
    back.doc.descendants((node) => {
      if (node.type.name === 'section') kinds.push(`${node.attrs.kind as string} ${node.firstChild!.textContent}`);
      return node.type.name !== 'section';
    });
    // Its items are numbered 1, 2…: an operative section, as "décide" was.
    expect(kinds).toContain('operative ');
    expect(back.warnings.some((warning) => /a section has no keyword/.test(warning))).toBe(true);
  });

  it('an empty keyword-style paragraph that is only spacing (no items after it) is still left out', async () => {
    const doc = trackedSession('Marie').doc;
    const bytes = await exportDocx(doc, { mode: 'markup' });
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    const spacing = '<w:p><w:pPr><w:pStyle w:val="Call"/></w:pPr></w:p>';
    // Before the first keyword line, and after the last paragraph of the body.
    const first = xml.indexOf('<w:p>', xml.indexOf('<w:pStyle w:val="Call"/>') - 200);
    expect(first).toBeGreaterThan(0);
    const spaced = `${xml.slice(0, first)}${spacing}${xml.slice(first)}`.replace('<w:sectPr', `${spacing}<w:sectPr`);
    files['word/document.xml'] = strToU8(spaced);
    const plain = importDocx(bytes);
    const withSpacing = importDocx(zipSync(files));
    expect(keywords(withSpacing.doc)).toEqual(keywords(plain.doc));
    expect(writeText(withSpacing.doc)).toBe(writeText(plain.doc));
  });
});
