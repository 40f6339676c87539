/**
 * The window's side of File → New revision… (renderer/new-document.ts): the file the host opened
 * becomes an untitled contribution, loaded with tracking on and the cursor in the first cover field,
 * with the editor's own plugins (createEditorState) — and a file that cannot be revised is one message.
 */
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/file/index.js';
import { importText } from '../../shared/import/index.js';
import type { OpenedDocument } from '../../shared/ipc/index.js';
import { listChanges } from '../../shared/tracking/index.js';
import { trackIfEnabled, trackingState } from '../../shared/tracking/index.js';
import { createEditorState } from '../../renderer/editor/create-editor.js';
import { newRevision, startRevising } from '../../renderer/new-document.js';
import { textPos } from '../support/tracking.js';
import { fixture } from '../support/fixtures.js';

const text = (name: string) => fixture(`${name}.txt`);
const opened = (name: string, content: string): OpenedDocument => ({
  fileId: 'f1',
  name,
  content,
  imported: true,
  warnings: ['line 3: a warning of the import'],
  revision: '',
});
const res1332 = opened('council-res-1332-c24.txt', serializeDocument(importText(text('council-res-1332-c24')).doc));

describe('New revision in the window', () => {
  it('loads the contribution with tracking on, the cursor in the session field, and nothing modified', () => {
    const made = newRevision(res1332);
    if (!made.ok) throw new Error(made.error);
    expect(made.warnings).toEqual(['line 3: a warning of the import']);
    const loaded = createEditorState(made.doc, { author: 'Fédération de Russie' });
    expect(trackingState(loaded)?.enabled).toBe(true); // made with tracking on (saved with the document)
    const tr = startRevising(loaded);
    expect(tr.docChanged).toBe(false);
    const ready = loaded.apply(tr);
    expect(trackingState(ready)?.enabled).toBe(true);
    expect(ready.selection.empty).toBe(true);
    expect(ready.selection.$from.parent.type.name).toBe('cover_field');
    expect(ready.selection.$from.parent.attrs.name).toBe('session');

    // Typing where the cursor is fills the cover, untracked; typing in the resolution is tracked.
    let s = ready.apply(trackIfEnabled(ready, ready.tr.insertText('Conseil 2026')));
    expect(s.doc.firstChild!.firstChild!.textContent).toBe('Conseil 2026');
    expect(listChanges(s.doc)).toEqual([]);
    const pos = textPos(s.doc, 'C24)');
    s = s.apply(trackIfEnabled(s, s.tr.insertText('C26', pos, pos + 3)));
    expect(listChanges(s.doc).map((change) => `${change.kind}:${change.excerpt}:${change.author}`)).toEqual([
      'deletion:C24:Fédération de Russie',
      'insertion:C26:Fédération de Russie',
    ]);
  });

  it('says in one line why a file cannot be revised', () => {
    const cover = newRevision(opened('c26-93.txt', serializeDocument(importText(text('council-c26-93-contribution-cover')).doc)));
    expect(cover).toEqual({ ok: false, error: expect.stringMatching(/^c26-93\.txt: The document holds no resolution: /) });
    const broken = newRevision(opened('broken.plenary', '{"format": "plenary"'));
    expect(broken).toEqual({ ok: false, error: expect.stringMatching(/^Cannot open broken\.plenary: /) });
  });
});
