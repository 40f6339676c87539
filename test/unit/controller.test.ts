/**
 * The window's controller (renderer/controller/controller.ts) without a browser: constructed with
 * an in-memory host and a headless editor that dispatches through the editor's own Plenary
 * dispatch, driven by the commands of the registry as the menu, toolbar and keys send them, on
 * Resolution 1332.
 */
import { NodeSelection, TextSelection } from 'prosemirror-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/file/format.js';
import { importText } from '../../shared/import/text/index.js';
import { compareDocuments } from '../../shared/compare/index.js';
import type { OpenOutcome } from '../../shared/ipc/index.js';
import { writeText } from '../../shared/export/text/index.js';
import { listChanges } from '../../shared/tracking/changes.js';
import { trackingScopeOf, trackingState } from '../../shared/tracking/plugin.js';
import type { PickRequest } from '../../renderer/host-api.js';
import { INFO_MESSAGE_MS } from '../../renderer/controller/messages.js';
import { deferred, fakeHost, fixtureText, HeadlessSurface, opened, startedController, type FakeHost } from '../support/controller.js';
import { AppController } from '../../renderer/controller/controller.js';
import { at } from '../support/review.js';

const RES = 'council-res-1332-c24.txt';

/** A started controller with Resolution 1332 open, as after File → Open at launch. */
async function withResolution(settings: Parameters<typeof fakeHost>[0] = { authorName: 'Marie Dupont' }) {
  const host = fakeHost(settings);
  host.next.initial = opened(RES);
  return { host, ...(await startedController(host)) };
}

type Started = Awaited<ReturnType<typeof withResolution>>;

/** Types `text` at the place of `before` in the document, as a keystroke run does. */
function typeBefore({ surface }: Started, before: string, text: string): void {
  const pos = at(surface.state.doc, before);
  surface.dispatch(surface.state.tr.setSelection(TextSelection.create(surface.state.doc, pos)));
  surface.dispatch(surface.state.tr.insertText(text));
}

function deleteWords({ surface }: Started, words: string): void {
  const from = at(surface.state.doc, words);
  surface.dispatch(surface.state.tr.delete(from, from + words.length));
}

const text = (started: Started, mode: 'marked' | 'final' | 'original' = 'marked') => writeText(started.surface.state.doc, { mode });
const messages = (started: Started) => started.controller.getState().messages.map((message) => message.text);

afterEach(() => {
  vi.useRealTimers();
});

describe('start-up', () => {
  it('reads the settings, opens the document given at launch, then offers the unsaved work of a crash', async () => {
    const host = fakeHost({ authorName: 'Marie Dupont' });
    host.next.initial = opened(RES);
    host.recovery = [
      {
        sessionId: 's1',
        name: 'res-1332.plenary',
        savedAt: '2026-12-02T10:00:00Z',
        content: serializeDocument(importText(fixtureText(RES)).doc),
      },
    ];
    const { controller, surface } = await startedController(host);

    expect(host.calls.filter((call) => !call.startsWith('setDirty'))).toEqual(['getSettings', 'initialDocument', 'listRecovery']);
    const state = controller.getState();
    expect(state.ready).toBe(true);
    expect(state.session).toMatchObject({ name: RES, fileId: 'f_1', dirty: false });
    expect(state.recovery.map((snapshot) => snapshot.sessionId)).toEqual(['s1']);
    expect(writeText(surface.state.doc)).toContain("Rôle de l'UIT dans la mise en œuvre des résultats du SMSI");
    expect(trackingState(surface.state)?.author.name).toBe('Marie Dupont');
    expect(surface.editable).toBe(true);
  });

  it('starts a new resolution in the language of the settings when nothing was given at launch', async () => {
    const host = fakeHost({ language: 'en' });
    const { controller, surface } = await startedController(host);
    expect(surface.state.doc.attrs.language).toBe('en');
    expect(writeText(surface.state.doc)).toMatch(/^RESOLUTION/);
    expect(controller.getState().session).toMatchObject({ name: null, dirty: false });
  });

  it('says in one line why the launch document cannot be opened, and keeps going', async () => {
    const host = fakeHost();
    host.next.initial = { ok: false, error: 'broken.docx is not a Word file.' };
    const { controller } = await startedController(host);
    expect(controller.getState().ready).toBe(true);
    expect(controller.getState().messages.map((m) => `${m.kind}: ${m.text}`)).toEqual(['error: broken.docx is not a Word file.']);
  });
});

describe('tracking and the author', () => {
  it('asks for a name the first time tracking goes on without one, once, and writes the name chosen on changes', async () => {
    const started = await withResolution({ authorName: '' });
    const { controller, surface, host } = started;
    await controller.run('toggle-tracking');
    expect(controller.getState().authorPrompt).toEqual({ firstTime: true });
    await controller.authorChosen('Jean Martin');
    expect(controller.getState().authorPrompt).toBeNull();
    expect(host.calls).toContain('setSettings({"authorName":"Jean Martin"})');
    await controller.run('toggle-tracking');
    await controller.run('toggle-tracking');
    expect(controller.getState().authorPrompt).toBeNull();
    typeBefore(started, 'Rôle de', 'Nouveau ');
    expect(listChanges(surface.state.doc).map((change) => `${change.kind}:${change.excerpt}:${change.author}`)).toEqual([
      'insertion:Nouveau :Jean Martin',
    ]);
  });

  it('a name given while a preview is shown goes on the changes made after it', async () => {
    const started = await withResolution();
    const { controller, surface } = started;
    await controller.run('toggle-tracking');
    await controller.run('view-final');
    await controller.authorChosen('Fédération de Russie');
    await controller.run('view-markup');
    expect(trackingState(surface.state)?.author.name).toBe('Fédération de Russie');
    expect(controller.store.getSnapshot().author).toBe('Fédération de Russie');
  });

  it('does not ask when the settings hold a name; Edit → Author Name… asks on request', async () => {
    const { controller } = await withResolution();
    await controller.run('toggle-tracking');
    expect(controller.getState().authorPrompt).toBeNull();
    await controller.run('author-name');
    expect(controller.getState().authorPrompt).toEqual({ firstTime: false });
  });
});

describe('language versions', () => {
  /** The French Res 1332 with considérant a) reworded and a new invite 6, as tracked changes. */
  function frenchProposal(): OpenOutcome {
    const fr = fixtureText(RES);
    const revised = fr
      .replace('un rôle déterminant', 'un rôle essentiel')
      .replace(
        "6\tà encourager les membres de l'Union",
        "6\tà soutenir l'examen du SMSI+20 en 2025;\n7\tà encourager les membres de l'Union",
      );
    const doc = compareDocuments(importText(fr).doc, importText(revised).doc, {
      author: 'Fédération de Russie',
      date: '2026-04-14T09:00:00Z',
    });
    const content = serializeDocument(doc);
    return { ok: true, document: { fileId: 'f_2', name: 'c26-93-fr.plenary', content, imported: false, warnings: [], revision: 'r0' } };
  }

  it("asks the translator's name before carrying over: the French typed over goes, the rewording of a changed item is tracked", async () => {
    const host = fakeHost({ authorName: '' });
    host.next.initial = opened('parallel/council-res-1332-c24-en.txt');
    host.next.version = frenchProposal();
    const started = { host, ...(await startedController(host)) };
    const { controller, surface } = started;
    const running = controller.run('language-versions');
    await vi.waitFor(() => expect(controller.getState().authorPrompt).toEqual({ firstTime: true }));
    await controller.authorChosen('Ana Translator');
    await running;
    expect(trackingState(surface.state)).toMatchObject({ enabled: true, author: { name: 'Ana Translator' } });
    // The new invite 6, carried in French: the translator writes the English over it.
    const french = "à soutenir l'examen du SMSI+20 en 2025;";
    const from = at(surface.state.doc, french);
    surface.dispatch(surface.state.tr.insertText('to support the WSIS+20 review in 2025;', from, from + french.length));
    // considering a), changed in source: the translator rewords it as the French does.
    deleteWords(started, 'crucial');
    typeBefore(started, ' role to play in giving', 'essential');
    const marked = text(started);
    expect(marked).toContain('[+6\tto support the WSIS+20 review in 2025;+]');
    expect(marked).not.toContain('SMSI+20 en 2025');
    expect(marked).toContain('that ITU has a [-crucial-][+essential+] role to play');
    expect(new Set(listChanges(surface.state.doc).map((change) => change.author))).toEqual(new Set(['Ana Translator']));

    // Alt+Shift+D shows at once in the outline and the status bar's count (both read the store's
    // snapshot), not after the typing pause: a status that lags reads as a key that did not work.
    const outlineStatus = () => {
      const outline = controller.store.getSnapshot().outline;
      for (let index = 0; index < outline.length; index++)
        if (outline.entry(index).text.includes('role to play in giving')) return outline.translation(index);
      return undefined;
    };
    expect(outlineStatus()).toBe('changed-in-source');
    await controller.run('mark-translated');
    expect(outlineStatus()).toBe('translated');
  });
});

describe('proposals to a conference', () => {
  it('lists a proposal in the Proposals panel as soon as it is added, not after the typing pause', async () => {
    const started = await withResolution();
    const { controller } = started;
    controller.createProposals({ source: 'SEN', conference: 'PP-26', documentNumber: '56', language: 'fr' });
    expect(controller.store.getSnapshot().proposals).toEqual([]);
    await controller.addProposal({ symbol: 'ADD', title: 'Accessibilité des services numériques' });
    expect(controller.store.getSnapshot().proposals?.map((entry) => `${entry.symbol} ${entry.identifier}`)).toEqual(['ADD SEN/56/1']);
  });

  it('says so when the text proposed on is in another language than the document (French Res 30 in English proposals)', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    const res30 = serializeDocument(importText(fixtureText('wtdc-res-30-kigali-2022.txt')).doc);
    const stored = await host.api.addToLibrary(res30, { number: '30', body: 'WTDC', version: 'Kigali, 2022', language: 'fr' }, 'ask');
    expect(stored.ok).toBe(true);
    controller.createProposals({ source: 'RUS', conference: 'PP-26', documentNumber: '41', language: 'en' });
    await controller.addProposal({ symbol: 'MOD', textId: host.library[0]!.id });
    expect(controller.store.getSnapshot().proposals?.map((entry) => entry.identifier)).toEqual(['RUS/41/1']);
    expect(messages(started).at(-1)).toMatch(
      /^RÉSOLUTION 30 \(Rév\. Kigali, 2022\) is in French, this document in English: .*Add to Library/,
    );
    // A text in the document's language: nothing to say.
    const before = messages(started).length;
    controller.createProposals({ source: 'SEN', conference: 'PP-26', documentNumber: '56', language: 'fr' });
    await controller.addProposal({ symbol: 'SUP', textId: host.library[0]!.id });
    expect(
      messages(started)
        .slice(before)
        .filter((text) => text.includes(' is in ')),
    ).toEqual([]);
  });
});

describe('the Final and Original previews', () => {
  async function revised() {
    const started = await withResolution();
    await started.controller.run('toggle-tracking');
    deleteWords(started, 'onzième');
    typeBefore(started, 'onzième', 'douzième');
    return started;
  }

  it('shows the document with every change accepted or rejected, read-only, and comes back to the markup as it was', async () => {
    const started = await revised();
    const { controller, surface } = started;
    const markup = surface.state;
    await controller.run('view-final');
    expect(controller.getState().reviewView).toBe('final');
    expect(surface.editable).toBe(false);
    expect(text(started)).toContain('(adoptée à la douzième séance plénière)');
    await controller.run('view-original');
    expect(controller.getState().reviewView).toBe('original');
    expect(text(started)).toContain('(adoptée à la onzième séance plénière)');
    await controller.run('view-markup');
    expect(controller.getState().reviewView).toBe('markup');
    expect(surface.editable).toBe(true);
    expect(surface.state).toBe(markup);
  });

  it('an edit from a preview (toolbar, keys, panels) goes back to the markup first, then acts there', async () => {
    const started = await revised();
    const { controller, surface } = started;
    expect(text(started)).toContain('[+douzième+][-onzième-]');
    await controller.run('view-final');
    await controller.run('undo');
    expect(controller.getState().reviewView).toBe('markup');
    // Undone in the markup (the typing, or the typing and the deletion: one undo group or two).
    expect(text(started)).not.toContain('[+douzième+]');

    await controller.run('view-original');
    controller.insertSection('operative', 'charge le Secrétaire général');
    expect(controller.getState().reviewView).toBe('markup');

    await controller.run('view-final');
    controller.setLanguage('en');
    expect(controller.getState().reviewView).toBe('markup');
    expect(surface.state.doc.attrs.language).toBe('en');

    // Showing a panel is no edit: the preview stays.
    await controller.run('view-final');
    await controller.run('toggle-changes');
    expect(controller.getState()).toMatchObject({ reviewView: 'final', changesVisible: true });
  });

  it('a preview closes the find bar, and the markup loaded from a file replaces any preview', async () => {
    const started = await revised();
    const { controller, host, surface } = started;
    await controller.run('find');
    expect(controller.getState().find).toBe('find');
    await controller.run('view-final');
    expect(controller.getState().find).toBeNull();
    host.next.open = opened('wtdc-res-30-kigali-2022.txt');
    await controller.run('open');
    expect(controller.getState().reviewView).toBe('markup');
    expect(surface.editable).toBe(true);
    expect(text(started)).toContain('RÉSOLUTION 30');
  });
});

describe('the document language', () => {
  /** The cover fields of the open document, by name. */
  const coverOf = ({ surface }: Started): Record<string, string> => {
    const fields: Record<string, string> = {};
    surface.state.doc.descendants((node) => {
      if (node.type.name === 'cover_field') fields[node.attrs.name as string] = node.textContent;
      return node.type.name === 'doc' || node.type.name === 'cover';
    });
    return fields;
  };

  it("switching it rewrites the cover's data fields as a carry-over does, prose left to translate, in one undo step (C26/93)", async () => {
    const host = fakeHost({ authorName: 'Marie Dupont' });
    host.next.initial = opened('council-c26-93-contribution-cover.txt');
    const started = { host, ...(await startedController(host)) };
    const before = coverOf(started);
    expect(before).toMatchObject({ documentNumber: 'C26/93-F', date: '14 avril 2026', originalLanguage: 'russe', agendaItem: 'PL 2' });

    started.controller.setLanguage('en');
    const after = coverOf(started);
    expect(after).toMatchObject({ documentNumber: 'C26/93-E', date: '14 April 2026', originalLanguage: 'Russian', agendaItem: 'PL 2' });
    // Prose is the translator's: the title stays as written.
    expect(after.title).toBe(before.title);
    expect(started.surface.state.doc.attrs.language).toBe('en');

    await started.controller.run('undo');
    expect(coverOf(started)).toEqual(before);
    expect(started.surface.state.doc.attrs.language).toBe('fr');
  });
});

describe('file commands', () => {
  it('run one after the other: a Save and a Word export pressed while an Open is reading act on what it opened', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    const open = deferred<ReturnType<typeof opened>>();
    host.next.open = open.promise;
    const opening = controller.run('open');
    const saving = controller.run('save');
    const exporting = controller.run('export-docx-final');
    // A command outside the queue is not held up.
    await controller.run('toggle-outline');
    expect(controller.getState().outlineVisible).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(host.calls.filter((call) => /^(save|exportDocx)/.test(call))).toEqual([]);

    open.resolve(opened('wtdc-res-30-kigali-2022.txt', { fileId: 'f_30' }));
    await Promise.all([opening, saving, exporting]);
    expect(host.calls.filter((call) => /^(openDialog|save|exportDocx)/.test(call))).toEqual([
      'openDialog',
      'save(f_30)',
      'saveEnded(true)',
      'exportDocx(wtdc-res-30-kigali-2022-final.docx)',
    ]);
    expect(writeText(parseDocument(host.saved[0]!.content).doc)).toContain('RÉSOLUTION 30');
    expect(host.exported[0]).toMatchObject({ mode: 'final' });
    expect(writeText(parseDocument(host.exported[0]!.content).doc)).toContain('RÉSOLUTION 30');
    // "Preparing the Word file…" goes as soon as the export is done (issue 15, item 10).
    expect(controller.getState().messages.map((m) => m.text)).not.toContain('Preparing the Word file…');
  });

  it('asks before discarding unsaved changes, and a No keeps the document', async () => {
    const host = fakeHost({ authorName: 'Marie Dupont' });
    host.next.initial = opened(RES);
    let answer = false;
    const started = { host, ...(await startedController(host, () => answer)) };
    const { controller, questions } = started;
    typeBefore(started, 'Rôle de', 'Le ');
    expect(controller.getState().session.dirty).toBe(true);
    await controller.run('new-resolution');
    expect(questions).toEqual([`Discard the unsaved changes to ${RES}?`]);
    expect(text(started)).toContain("Le Rôle de l'UIT");
    answer = true;
    await controller.run('new-resolution');
    expect(controller.getState().session).toMatchObject({ name: null, dirty: false });
    expect(text(started)).not.toContain("Rôle de l'UIT");
  });

  it('without a confirm of the host, asks in the page: Compare… waits for the answer, then asks for the version', async () => {
    const host = fakeHost({ authorName: 'Marie Dupont' });
    host.next.initial = opened(RES);
    const controller = new AppController({ api: host.api });
    const surface = new HeadlessSurface(controller.initialEditorState(), controller);
    controller.attach(surface);
    await controller.start();
    typeBefore({ surface } as Started, 'Rôle de', 'Le ');
    // Cancel: the command ends, nothing is asked of the host.
    const cancelled = controller.run('compare');
    await vi.waitFor(() => expect(controller.getState().discard).toBe(`Discard the unsaved changes to ${RES}?`));
    controller.discardAnswered(false);
    await cancelled;
    expect(controller.getState().discard).toBeNull();
    expect(host.calls).not.toContain('chooseVersion');
    // Discard: the version is asked for.
    const comparing = controller.run('compare');
    await vi.waitFor(() => expect(controller.getState().discard).not.toBeNull());
    expect(host.calls).not.toContain('chooseVersion');
    controller.discardAnswered(true);
    await comparing;
    expect(host.calls).toContain('chooseVersion');
  });

  it('saves an imported document under a new .plenary name and says so', async () => {
    const host = fakeHost();
    host.next.initial = opened(RES, { imported: true });
    const { controller } = await startedController(host);
    await controller.run('save');
    expect(host.calls).toContain('saveAs(council-res-1332-c24.plenary)');
    expect(controller.getState().session).toMatchObject({ name: 'council-res-1332-c24.plenary', imported: false, dirty: false });
    expect(controller.getState().messages.at(-1)?.text).toBe('Saved council-res-1332-c24.plenary');
  });

  describe('a save into a file changed on disk tells the host when the whole command is over', () => {
    /** The host refuses the first save as a conflict (the file changed on disk), then saves. */
    async function saveIntoConflict(choice: 'overwrite' | 'cancel') {
      const started = await withResolution();
      const { controller, host } = started;
      typeBefore(started, 'Rôle', 'Nouveau ');
      const save = host.api.save;
      host.api.save = async (fileId, content, revision) => {
        if (revision === '*') return save(fileId, content, revision);
        host.calls.push(`save(${fileId}, ${revision})`);
        return { ok: false, conflict: true, error: `${RES} was changed on disk.`, changedAt: '2026-12-03T09:00:00Z' };
      };
      const saving = controller.run('save');
      await vi.waitFor(() => expect(controller.getState().conflict).not.toBeNull());
      expect(host.calls.filter((call) => call.startsWith('save'))).toEqual(['save(f_1, r0)']);
      controller.conflictChosen(choice);
      await saving;
      return host.calls.filter((call) => call.startsWith('save'));
    }

    it('Overwrite: saved, and saveEnded(true) only after the second save', async () => {
      expect(await saveIntoConflict('overwrite')).toEqual(['save(f_1, r0)', 'save(f_1)', 'saveEnded(true)']);
    });

    it('Cancel: nothing saved, saveEnded(false)', async () => {
      expect(await saveIntoConflict('cancel')).toEqual(['save(f_1, r0)', 'saveEnded(false)']);
    });
  });

  it('a Save As cancelled ends the save command unsaved', async () => {
    const host = fakeHost();
    host.next.initial = opened(RES, { imported: true });
    host.next.saveAs = null;
    const { controller } = await startedController(host);
    await controller.run('save');
    expect(host.calls.filter((call) => call.startsWith('save'))).toEqual(['saveAs(council-res-1332-c24.plenary)', 'saveEnded(false)']);
  });

  it('opens a dropped file as an imported document', async () => {
    const { controller, host } = await withResolution();
    await controller.openDropped('wtdc-res-30-kigali-2022.txt', async () => 'ignored by the fake host');
    expect(host.calls).toContain('openDropped(wtdc-res-30-kigali-2022.txt)');
    expect(controller.getState().session).toMatchObject({ name: 'wtdc-res-30-kigali-2022.txt', imported: true });
  });
});

describe('the page on a newly shown document', () => {
  it('shows the start of the next document opened, not the place the last one was scrolled to', async () => {
    const started = await withResolution();
    const { controller, host, surface } = started;
    const shown = surface.centered.length;
    host.next.open = Promise.resolve(opened('wtdc-res-30-kigali-2022.txt', { fileId: 'f_30' }));
    await controller.run('open');
    expect(writeText(surface.state.doc)).toContain('RÉSOLUTION 30');
    // The caret of a newly opened document is at its start, and the page is brought to it.
    expect(surface.centered.slice(shown)).toEqual([surface.state.selection.head]);
    expect(surface.state.selection.head).toBeLessThan(10);
  });
});

describe('new revision of a resolution', () => {
  it('makes the resolution in force an untitled contribution: tracking on, the cursor in the first cover field', async () => {
    const started = await withResolution();
    const { controller, host, surface } = started;
    host.next.resolution = opened(RES, { fileId: '', imported: true });
    await controller.run('new-revision');
    expect(controller.getState().session).toMatchObject({ name: null, fileId: null, dirty: false });
    expect(trackingState(surface.state)?.enabled).toBe(true);
    expect(surface.state.selection.$from.parent.type.name).toBe('cover_field');
    expect(messages(started).at(-1)).toMatch(/^New contribution: fill in the cover/);
    // The cover is the delegate's own text: typed there, it is no tracked change.
    surface.dispatch(surface.state.tr.insertText('Conseil 2026'));
    expect(listChanges(surface.state.doc)).toEqual([]);
  });

  it('says in one line why a file cannot be revised, and keeps the document on screen', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    const before = text(started);
    const cover = serializeDocument(importText(fixtureText('council-c26-93-contribution-cover.txt')).doc);
    host.next.resolution = {
      ok: true,
      document: { fileId: '', name: 'c26-93.txt', content: cover, imported: true, warnings: [], revision: '' },
    };
    await controller.run('new-revision');
    expect(controller.getState().messages.at(-1)).toMatchObject({
      kind: 'error',
      text: expect.stringMatching(/^c26-93\.txt: The document holds no resolution/),
    });
    expect(text(started)).toBe(before);
    expect(controller.getState().session.name).toBe(RES);
  });

  it('switches what tracking covers in a contribution, and says so', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    host.next.resolution = opened(RES, { fileId: '', imported: true });
    await controller.run('new-revision');
    await controller.run('toggle-tracking-scope');
    expect(trackingScopeOf(started.surface.state.doc)).toBe('document');
    expect(messages(started).at(-1)).toBe('Tracking covers the whole document.');
    await controller.run('toggle-tracking-scope');
    expect(trackingScopeOf(started.surface.state.doc)).toBe('resolutions');
  });
});

describe('review', () => {
  async function twoChanges() {
    const started = await withResolution();
    await started.controller.run('toggle-tracking');
    typeBefore(started, 'Rôle de', 'Nouveau ');
    deleteWords(started, 'onzième');
    const start = TextSelection.atStart(started.surface.state.doc);
    started.surface.dispatch(started.surface.state.tr.setSelection(start));
    return started;
  }

  it('goes from change to change, accepts the one at the cursor and moves on, as Word does', async () => {
    const started = await twoChanges();
    const { controller, surface } = started;
    await controller.run('next-change');
    const first = listChanges(surface.state.doc)[0]!;
    expect(first).toMatchObject({ kind: 'deletion', excerpt: 'onzième' });
    expect(surface.state.selection).toMatchObject({ from: first.from, to: first.to });
    // The cursor inside the change (not a selection of several): accepting it moves on to the next.
    surface.dispatch(surface.state.tr.setSelection(TextSelection.create(surface.state.doc, first.from + 2)));
    await controller.run('accept-change');
    expect(text(started)).not.toContain('onzième');
    const rest = listChanges(surface.state.doc);
    expect(rest.map((change) => change.excerpt)).toEqual(['Nouveau ']);
    expect(surface.state.selection.from).toBe(rest[0]!.from);
    // The review is its own undo step.
    await controller.run('undo');
    expect(text(started)).toContain('[-onzième-]');
  });

  it('rejects every change at once, then says there is none left', async () => {
    const started = await twoChanges();
    const { controller, surface } = started;
    await controller.run('reject-all-changes');
    expect(listChanges(surface.state.doc)).toEqual([]);
    expect(text(started)).toBe(writeText(importText(fixtureText(RES)).doc));
    await controller.run('next-change');
    await controller.run('accept-change');
    expect(messages(started).slice(-2)).toEqual([
      'There are no tracked changes in this document.',
      'There is no tracked change at the cursor.',
    ]);
  });

  it('the changes panel reviews one change by id, or every change of one author', async () => {
    const started = await twoChanges();
    const { controller, surface } = started;
    controller.setChangesVisible(true);
    const insertion = listChanges(surface.state.doc).find((change) => change.kind === 'insertion')!;
    await controller.run('view-original');
    controller.reviewChange('accept', [insertion.id]);
    expect(controller.getState().reviewView).toBe('markup');
    expect(listChanges(surface.state.doc).map((change) => change.kind)).toEqual(['deletion']);
    controller.reviewAll('reject', 'Someone Else');
    expect(listChanges(surface.state.doc)).toHaveLength(1);
    controller.reviewAll('reject', 'Marie Dupont');
    expect(listChanges(surface.state.doc)).toEqual([]);
    expect(controller.store.getSnapshot().changes).toEqual([]);
  });
});

describe('export to Word', () => {
  it('names the file after the document and the view, and offers to show it (a browser host cannot)', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    await controller.run('export-docx');
    await controller.run('export-docx-original');
    expect(host.exported.map((e) => `${e.mode}:${e.name}`)).toEqual([
      'markup:council-res-1332-c24.docx',
      'original:council-res-1332-c24-original.docx',
    ]);
    const done = controller.getState().messages.at(-1)!;
    expect(done.text).toBe('Exported council-res-1332-c24-original.docx');
    done.action!.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(messages(started).at(-1)).toBe(
      'council-res-1332-c24-original.docx is in the folder you chose; this browser host cannot open folders.',
    );
  });

  it('reports a failed export in one line', async () => {
    const started = await withResolution();
    const { controller, host } = started;
    host.api.exportDocx = async () => ({ ok: false, error: 'The folder is read-only.' });
    await controller.run('export-docx-final');
    expect(controller.getState().messages.at(-1)).toMatchObject({ kind: 'error', text: 'The folder is read-only.' });
  });
});

describe('compare', () => {
  it('opens the differences with the chosen version as tracked changes, unsaved, with the changes panel', async () => {
    const started = await withResolution();
    const { controller, host, surface } = started;
    const newer = importText(fixtureText(RES).replace('onzième séance', 'douzième séance')).doc;
    host.next.version = {
      ok: true,
      document: { fileId: '', name: 'res-1332-c25.plenary', content: serializeDocument(newer), imported: true, warnings: [], revision: '' },
    };
    await controller.run('compare');
    expect(listChanges(surface.state.doc).map((change) => `${change.kind}:${change.excerpt}:${change.author}`)).toEqual([
      'deletion:onzième:Marie Dupont',
      'insertion:douzième:Marie Dupont',
    ]);
    expect(controller.getState()).toMatchObject({ changesVisible: true, session: { name: null, dirty: true } });
    expect(messages(started).at(-1)).toMatch(/^Compared with res-1332-c25\.plenary: 2 difference\(s\), shown as tracked changes/);
  });
});

describe('navigation and panels', () => {
  it('jumps to a block of the outline and selects a footnote', async () => {
    const { controller, surface } = await withResolution();
    const entry = controller.store.getSnapshot().outline.find((e) => e.kind === 'section' && e.text.startsWith('décide'))!;
    controller.jumpTo(entry.id);
    expect(surface.state.selection.$from.parent.textContent).toBe('décide');
    expect(surface.revealed).toHaveLength(1);
    const note = controller.store.getSnapshot().footnotes[0]!;
    controller.selectFootnote(note.id);
    expect(surface.state.selection.toJSON()).toMatchObject({ type: 'node' });
    expect(surface.state.doc.nodeAt(surface.state.selection.from)?.type.name).toBe('footnote');
  });

  it('runs the style checks on demand and closes them', async () => {
    const { controller } = await withResolution();
    await controller.run('check');
    expect(Array.isArray(controller.getState().checks)).toBe(true);
    controller.closeChecks();
    expect(controller.getState().checks).toBeNull();
  });

  it('a reference goes in text: elsewhere it says so and changes nothing', async () => {
    const started = await withResolution();
    const { controller, surface } = started;
    const target = controller.store.getSnapshot().outline.find((e) => e.kind === 'item' && e.label === '5')!;
    const heading = controller.store.getSnapshot().outline.find((e) => e.kind === 'section' && e.text.startsWith('décide'))!;
    controller.jumpTo(heading.id);
    surface.dispatch(surface.state.tr.setSelection(NodeSelection.create(surface.state.doc, surface.state.selection.$from.before())));
    const before = surface.state.doc;
    controller.insertReference(target.id);
    expect(messages(started).at(-1)).toBe('A reference goes in the text of a paragraph or an item.');
    expect(surface.state.doc).toBe(before);
    const item = controller.store.getSnapshot().outline.find((e) => e.kind === 'item' && e.label === 'a)')!;
    controller.jumpTo(item.id);
    controller.insertReference(target.id);
    expect(text(started)).toMatch(/a\)\tpoint\s5\sdu\sdécide\s?la Résolution/u);
  });

  it('a structure command outside an item says where it applies', async () => {
    const started = await withResolution();
    const { controller, surface } = started;
    surface.dispatch(surface.state.tr.setSelection(TextSelection.atStart(surface.state.doc)));
    await controller.run('demote');
    expect(messages(started).at(-1)).toBe('That command does not apply here: put the cursor in an item.');
  });

  it('shows the in-page picker and gives back what the user picked', async () => {
    const { controller } = await withResolution();
    const request: PickRequest = {
      purpose: 'open',
      listing: { folder: '/docs', entries: [{ name: 'a.plenary' }] } as PickRequest['listing'],
    };
    const picking = controller.pick(request);
    expect(controller.getState().pick).toBe(request);
    controller.picked('a.plenary');
    await expect(picking).resolves.toBe('a.plenary');
    expect(controller.getState().pick).toBeNull();
  });
});

describe('recovery and messages', () => {
  it('restores a snapshot as unsaved work and drops the old copy', async () => {
    const host: FakeHost = fakeHost();
    const content = serializeDocument(importText(fixtureText(RES).replace('onzième', 'treizième')).doc);
    host.recovery = [{ sessionId: 's9', name: 'res-1332.plenary', savedAt: '2026-12-02T10:00:00Z', content }];
    const { controller, surface } = await startedController(host);
    await controller.restore(controller.getState().recovery[0]!);
    expect(writeText(surface.state.doc)).toContain('treizième séance');
    expect(controller.getState()).toMatchObject({ recovery: [], session: { name: 'res-1332.plenary', dirty: true } });
    expect(host.calls).toContain('clearRecovery(s9)');
  });

  it('information goes away by itself, errors stay, and at most four show', async () => {
    vi.useFakeTimers();
    const { controller } = await startedControllerWithFakeTimers();
    controller.say('error', 'Not saved: the disk is full');
    controller.say('info', 'Saved a.plenary');
    expect(controller.getState().messages.map((m) => m.text)).toEqual(['Not saved: the disk is full', 'Saved a.plenary']);
    vi.advanceTimersByTime(INFO_MESSAGE_MS);
    expect(controller.getState().messages.map((m) => m.text)).toEqual(['Not saved: the disk is full']);
    for (const n of [1, 2, 3, 4]) controller.say('error', `error ${n}`);
    expect(controller.getState().messages.map((m) => m.text)).toEqual(['error 1', 'error 2', 'error 3', 'error 4']);
  });
});

async function startedControllerWithFakeTimers() {
  const host = fakeHost();
  const started = startedController(host);
  await vi.runAllTimersAsync();
  return started;
}
