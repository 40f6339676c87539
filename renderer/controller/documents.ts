/**
 * The file commands: a new resolution, a new revision of one, a comparison with another version,
 * open (from the dialog or a drop), save and save as, export to Word. Each asks before unsaved
 * work is replaced, says in one line why a file cannot be used, and leaves the window as it was
 * when the user cancels. The controller runs them in its file queue.
 */
import type { OpenOutcome } from '../../shared/ipc/index.js';
import { isLanguageCode, type LanguageCode } from '../../shared/languages/index.js';
import { trackingState } from '../../shared/tracking/index.js';
import { compareWithVersion, newResolution, newRevision, startRevising } from '../new-document.js';
import { isUnsetAuthor } from './author.js';
import type { WindowContext } from './context.js';

export type ExportView = 'markup' | 'final' | 'original';

export class Documents {
  constructor(private readonly window: WindowContext) {}

  /** True when there is no unsaved work, or the user agrees to lose it. */
  async confirmDiscard(): Promise<boolean> {
    const current = this.window.session.current;
    return !current.dirty || this.window.askDiscard(`Discard the unsaved changes to ${current.name ?? 'this document'}?`);
  }

  /** A new, never saved document on screen. */
  showNew(doc: Parameters<WindowContext['show']>[0]): void {
    this.window.session.adoptNew(doc);
    this.window.show(doc);
  }

  /** A document the host opened, on screen with its warnings; or the reason it cannot be. */
  adopt(outcome: OpenOutcome): void {
    const { say } = this.window;
    if (!outcome.ok) return say('error', outcome.error, { topic: 'open' });
    const loaded = this.window.session.adopt(outcome.document);
    if (!loaded.ok) return say('error', loaded.error, { topic: 'open' });
    this.window.resolved('open');
    this.window.show(loaded.doc);
    for (const warning of loaded.warnings) say('info', warning);
  }

  /** File → New Resolution, in the language of the document on screen. */
  async newResolution(): Promise<void> {
    if (!(await this.confirmDiscard())) return;
    const language = this.window.markupState()?.doc.attrs.language;
    this.showNew(newResolution(isLanguageCode(language) ? language : ('fr' satisfies LanguageCode)));
  }

  async open(): Promise<void> {
    if (!(await this.confirmDiscard())) return;
    const outcome = await this.window.host.api.openDialog();
    if (outcome) this.adopt(outcome);
  }

  /** A file dropped on the page opens like File → Open (imported: Save asks for a name). */
  async openDropped(name: string, dataBase64: () => Promise<string>): Promise<void> {
    if (!(await this.confirmDiscard())) return;
    this.adopt(await this.window.host.api.openDropped(name, await dataBase64()));
  }

  async save(saveAs: boolean): Promise<void> {
    const { session } = this.window;
    const { api } = this.window.host;
    let saved: boolean | 'reload' = false;
    try {
      saved = await session.save(this.window.markupState()!.doc, saveAs);
    } finally {
      // Whatever happened, the host hears that the command is over (a close waiting for it goes on).
      await api.saveEnded(saved === true).catch(() => undefined);
    }
    // The file changed on disk and the user chose to reload it: open it again in its place.
    if (saved === 'reload') {
      const fileId = session.current.fileId;
      if (fileId) this.adopt(await api.openRecent(fileId));
    } else if (saved) this.window.say('info', `Saved ${session.current.name ?? ''}`);
  }

  /**
   * File → New revision: the resolution in force becomes a new, untitled contribution (Save asks
   * for a name), tracking on for the resolution in its annex, the cursor in the first cover field.
   * chooseResolution only reads the file: this window stays untitled, tied to no file.
   */
  async newRevision(): Promise<void> {
    const { say } = this.window;
    if (!(await this.confirmDiscard())) return;
    const outcome = await this.window.host.api.chooseResolution();
    if (!outcome) return;
    if (!outcome.ok) return say('error', outcome.error);
    const made = newRevision(outcome.document);
    if (!made.ok) return say('error', made.error);
    this.showNew(made.doc);
    const editor = this.window.editor();
    if (editor) editor.dispatch(startRevising(editor.state));
    say('info', 'New contribution: fill in the cover; edits to the resolution in the annex are tracked as proposed revisions.');
    for (const warning of made.warnings) say('info', warning);
  }

  /** Review → Compare: the version on screen is the older one; the comparison replaces it, untitled. */
  async compare(): Promise<void> {
    const { say } = this.window;
    const markup = this.window.markupState();
    if (!markup || !(await this.confirmDiscard())) return;
    const outcome = await this.window.host.api.chooseVersion();
    if (!outcome) return;
    if (!outcome.ok) return say('error', outcome.error);
    const author = trackingState(markup)?.author.name;
    const made = compareWithVersion(markup.doc, outcome.document, isUnsetAuthor(author) ? undefined : author);
    if (!made.ok) return say('error', made.error);
    this.showNew(made.doc);
    // The comparison is work to keep: unsaved (closing asks), snapshotted for recovery.
    this.window.session.documentChanged(made.doc);
    this.window.setChangesVisible(true);
    say(
      'info',
      `Compared with ${outcome.document.name}: ${made.changes} difference(s), shown as tracked changes to review. Save asks for a name.`,
    );
    for (const warning of made.warnings) say('info', warning);
  }

  /** Export to Word, with the changes as revision marks, or all accepted (final) or rejected (original). */
  async exportDocx(view: ExportView): Promise<void> {
    const { host, session, say } = this.window;
    const base = (session.current.name ?? 'Untitled').replace(/\.(plenary|txt|docx)$/i, '');
    const suffix = view === 'markup' ? '' : `-${view}`;
    // A long document takes a moment to render before the save dialog shows.
    const preparing = this.window.announce('Preparing the Word file…');
    const outcome = await host.api
      .exportDocx(session.contentOf(this.window.markupState()!.doc), view, `${base}${suffix}.docx`)
      // Done, cancelled or failed: the announcement goes, whatever follows it.
      .finally(() => this.window.dismissMessage(preparing));
    if (!outcome) return;
    if (!outcome.ok) return say('error', outcome.error, { topic: 'export' });
    this.window.resolved('export');
    const name = outcome.name;
    say('info', `Exported ${name}`, {
      action: {
        label: 'Show in folder',
        run: () =>
          void host.api.revealExport().then((shown) => {
            if (!shown) say('info', `${name} is in the folder you chose; this browser host cannot open folders.`);
          }),
      },
    });
  }
}
