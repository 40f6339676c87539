/**
 * Issue 15, item 3: tracking on or off is part of the document — in the editor state, in `.plenary`,
 * and in Word (`w:trackRevisions` in settings.xml), both ways.
 */
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { undo, history } from 'prosemirror-history';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/export/docx/index.js';
import { parseDocument, serializeDocument } from '../../shared/file/format.js';
import { importDocx } from '../../shared/import/docx/index.js';
import { readTrackRevisions } from '../../shared/import/docx/ooxml.js';
import { contributionFromResolution } from '../../shared/contribution/contribution.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { setTrackingEnabled, trackIfEnabled, trackingPlugin, trackingState } from '../../shared/tracking/plugin.js';
import { docxParts } from '../support/docx-xml.js';
import { createEditorState } from '../../renderer/editor/create-editor.js';
import { resolution1332 } from '../support/docx-fixtures.js';
import { buildDocx, p, run } from '../support/ooxml-package.js';

const withTracking = (doc: Node, on: boolean): Node => doc.type.create({ ...doc.attrs, trackChanges: on }, doc.content);

function stateOf(doc: Node): EditorState {
  return EditorState.create({ doc, plugins: [history(), trackingPlugin({ author: { name: 'Fédération de Russie' } })] });
}

describe('the tracking switch in the editor', () => {
  it('starts as the document says', () => {
    expect(trackingState(stateOf(resolution1332()))?.enabled).toBe(false);
    expect(trackingState(stateOf(withTracking(resolution1332(), true)))?.enabled).toBe(true);
  });

  it('switching writes the document, is no tracked change and is not undone by Undo', () => {
    let state = stateOf(resolution1332());
    state = state.apply(state.tr.insertText('x', 5));
    state = state.apply(trackIfEnabled(state, setTrackingEnabled(state, true)));
    expect(state.doc.attrs.trackChanges).toBe(true);
    expect(trackingState(state)?.enabled).toBe(true);
    expect(listChanges(state.doc)).toEqual([]);
    // Undo takes back the typing, not the switch.
    undo(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.attrs.trackChanges).toBe(true);
    expect(trackingState(state)?.enabled).toBe(true);
    state = state.apply(setTrackingEnabled(state, false));
    expect([state.doc.attrs.trackChanges, trackingState(state)?.enabled]).toEqual([false, false]);
  });

  it('the editor opens a document with tracking as it was saved', () => {
    expect(trackingState(createEditorState(withTracking(resolution1332(), true), { author: 'A' }))?.enabled).toBe(true);
    expect(trackingState(createEditorState(resolution1332(), { author: 'A' }))?.enabled).toBe(false);
  });

  it('a new contribution (File → New revision…) is made with tracking on', () => {
    expect(contributionFromResolution(resolution1332()).doc.attrs.trackChanges).toBe(true);
  });
});

describe('the tracking switch in files', () => {
  it('a contribution saved with tracking on reopens with tracking on (.plenary)', () => {
    const doc = contributionFromResolution(resolution1332()).doc;
    const reopened = parseDocument(serializeDocument(doc)).doc;
    expect(trackingState(stateOf(reopened))?.enabled).toBe(true);
  });

  it('Word export writes w:trackRevisions in the markup view only, when tracking is on', async () => {
    const on = withTracking(resolution1332(), true);
    const settings = async (doc: Node, mode: 'markup' | 'final' | 'original') =>
      docxParts(await exportDocx(doc, { mode }))['word/settings.xml'] ?? '';
    expect(await settings(on, 'markup')).toMatch(/<w:trackRevisions\/>/);
    expect(readTrackRevisions(await settings(on, 'markup'))).toBe(true);
    expect(readTrackRevisions(await settings(on, 'final'))).toBe(false);
    expect(readTrackRevisions(await settings(on, 'original'))).toBe(false);
    expect(readTrackRevisions(await settings(resolution1332(), 'markup'))).toBe(false);
  });

  it('a Word file with Track Changes on opens with tracking on; the export reads back the same', async () => {
    const reimported = importDocx(await exportDocx(withTracking(resolution1332(), true), { mode: 'markup' })).doc;
    expect(reimported.attrs.trackChanges).toBe(true);
    expect(importDocx(await exportDocx(resolution1332(), { mode: 'markup' })).doc.attrs.trackChanges).toBe(false);
    const body = p(null, run('RÉSOLUTION 1332 (C11)')) + p(null, run('Rôle de l’UIT'));
    expect(importDocx(buildDocx({ body, settings: '<w:zoom w:percent="100"/><w:trackRevisions/>' })).doc.attrs.trackChanges).toBe(true);
    expect(importDocx(buildDocx({ body })).doc.attrs.trackChanges).toBe(false);
  });

  it('reads w:trackRevisions as Word does: absent or w:val false/0/off is off', () => {
    const settings = (inner: string) =>
      `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${inner}</w:settings>`;
    expect(readTrackRevisions(null)).toBe(false);
    expect(readTrackRevisions(settings(''))).toBe(false);
    expect(readTrackRevisions(settings('<w:trackRevisions/>'))).toBe(true);
    expect(readTrackRevisions(settings('<w:trackRevisions w:val="true"/>'))).toBe(true);
    expect(readTrackRevisions(settings('<w:trackRevisions w:val="1"/>'))).toBe(true);
    for (const off of ['false', '0', 'off']) expect(readTrackRevisions(settings(`<w:trackRevisions w:val="${off}"/>`))).toBe(false);
    // Only a direct child of w:settings counts (not one inside another element).
    expect(readTrackRevisions(settings('<w:other><w:trackRevisions/></w:other>'))).toBe(false);
  });
});
