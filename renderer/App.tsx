/**
 * The window's layout: toolbar, outline, the page (the ProseMirror view, mounted once in a ref),
 * footnotes, checks, the changes panel, status bar, find bar and dialogs. What happens lives in
 * the controller (renderer/controller/); React renders its state and the editor store's snapshot,
 * and never touches the document's DOM.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { PlenaryApi } from '../shared/ipc/index.js';
import type { TextImporter } from '../shared/editing/index.js';
import type { PasteReader } from './editor/paste-reader.js';
import { useEditorSnapshot } from './store.js';
import { referenceTargets } from './outline.js';
import { AppController } from './controller/controller.js';
import { PickerBridge } from './controller/picker-bridge.js';
import { commandContext, useControllerState } from './controller/use-controller.js';
import { useEditor } from './controller/use-editor.js';
import { useBrowserShortcuts, useMenuCommands, usePreviewEscape } from './controller/use-keys.js';
import { useFileDrop, useWindowTitle } from './controller/use-window.js';
import { useLeftToTranslate } from './controller/use-translation.js';
import { Toolbar } from './panels/Toolbar.js';
import { Outline } from './panels/Outline.js';
import { PanelResizer } from './panels/PanelResizer.js';
import { SourcePane } from './panels/SourcePane.js';
import { StatusBar } from './panels/StatusBar.js';
import { FileDialogs } from './panels/ConflictDialog.js';
import { Footnotes } from './panels/Footnotes.js';
import { Checks } from './panels/Checks.js';
import { FindBar } from './panels/FindBar.js';
import { Messages, RecoveryDialog, ReviewBanner } from './panels/Dialogs.js';
import { Changes } from './panels/Changes.js';
import { AuthorDialog } from './panels/AuthorDialog.js';
import { ProposalDialogs, ProposalsPanel } from './panels/Proposals.js';
import { directionOf } from '../shared/languages/index.js';

export interface AppProps {
  api: PlenaryApi;
  picker: PickerBridge;
  /** In a browser (plenary serve) the page handles Ctrl+S & co.; in Electron the native menu does. */
  browserHost: boolean;
  importText?: TextImporter;
  /** Reads large pastes in a worker (renderer/editor/paste-reader.ts). */
  readPaste?: PasteReader;
  /** Hands the editor view to an embedder (the latency benchmark places the caret with it). */
  onEditorView?: (view: EditorView) => void;
}

export function App(props: AppProps) {
  const { api, picker, browserHost, importText, onEditorView, readPaste } = props;
  const controller = useMemo(() => new AppController({ api }), [api]);
  const state = useControllerState(controller);
  const snapshot = useEditorSnapshot(controller.store);
  const place = useRef<HTMLDivElement>(null);
  const view = useEditor(controller, place, importText, onEditorView, readPaste);
  const scroller = useRef<HTMLElement>(null);
  // Beside a source: what is left to translate (a walk over the units, only while the source shows).
  const shownDoc = state.versions && view ? view.state.doc : null;
  const leftToTranslate = useLeftToTranslate(shownDoc);
  useEffect(() => picker.attach((request) => controller.pick(request)), [picker, controller]);
  useMenuCommands(controller, api);
  useBrowserShortcuts(controller, browserHost);
  usePreviewEscape(controller, state.reviewView);
  useWindowTitle(state.session, browserHost);
  const drop = useFileDrop(controller);
  // The reference picker asks for its entries when opened, not on every render.
  const targets = useCallback(() => referenceTargets(snapshot.outline), [snapshot.outline]);
  // One function for the window's life: the outline's memoised rows are not drawn again for a new one.
  const jumpTo = useCallback((id: string) => void (id && controller.jumpTo(id)), [controller]);

  const { reviewView, changesVisible } = state;
  const run = (command: Parameters<AppController['run']>[0]) => void controller.run(command);
  return (
    <div
      className={`app${state.outlineVisible ? '' : ' no-outline'}${changesVisible ? ' with-changes' : ''}`}
      data-ready={state.ready ? 'true' : 'false'}
      data-review-view={reviewView}
    >
      <Toolbar
        context={commandContext(snapshot, state)}
        language={snapshot.language}
        onCommand={run}
        onInsertSection={(kind, keyword) => controller.insertSection(kind, keyword)}
        referenceTargets={targets}
        onInsertReference={(targetId) => controller.insertReference(targetId)}
        onLanguage={(language) => controller.setLanguage(language)}
      />
      {state.find && view ? <FindBar view={view} withReplace={state.find === 'replace'} onClose={() => controller.closeFind()} /> : null}
      <Messages messages={state.messages} onDismiss={(id) => controller.dismissMessage(id)} />
      <ReviewBanner view={reviewView} onBack={() => controller.showView('markup')} />
      {/* Style check results where the user looks: under the toolbar, not under the last footnote. */}
      {state.checks ? (
        <Checks
          findings={state.checks}
          onJump={(finding) => finding.blockId && controller.jumpTo(finding.blockId)}
          onRecheck={() => controller.recheck()}
          onClose={() => controller.closeChecks()}
        />
      ) : null}
      <div className="workspace">
        {state.outlineVisible ? (
          <div className="side-column">
            {snapshot.proposals ? (
              <ProposalsPanel
                entries={snapshot.proposals}
                currentId={snapshot.currentProposal}
                onJump={(id) => controller.jumpTo(id)}
                onMove={(id, by) => controller.moveProposal(id, by)}
                onAdd={() => run('add-proposal')}
                onReference={(id) => controller.insertProposalReference(id)}
              />
            ) : null}
            <Outline outline={snapshot.outline} currentId={snapshot.currentId} language={snapshot.language} onJump={jumpTo} />
            <PanelResizer panel="outline" />
          </div>
        ) : null}
        <main
          ref={scroller}
          className={`page-scroller${state.versions ? ' with-source' : ''}`}
          onDragOverCapture={drop.onDragOverCapture}
          onDropCapture={drop.onDropCapture}
        >
          {state.versions && view ? (
            <SourcePane
              view={view}
              doc={view.state.doc}
              source={state.versions.source}
              name={state.versions.name}
              scroller={scroller.current}
              onClose={() => controller.closeLanguageVersions()}
              onJump={(id) => controller.jumpTo(id)}
            />
          ) : null}
          <div className="page" lang={snapshot.language} dir={directionOf(snapshot.language)}>
            <div ref={place} className="page-editor" />
            <Footnotes notes={snapshot.footnotes} onSelect={(note) => controller.selectFootnote(note.id)} />
          </div>
        </main>
        {changesVisible ? (
          <Changes
            changes={snapshot.changes ?? []}
            current={snapshot.currentChange}
            author={state.changesAuthor}
            onAuthor={(author) => controller.setChangesAuthor(author)}
            onSelect={(row) => controller.selectChange(row.id, row.kind)}
            onReview={(decision, row) => controller.reviewChange(decision, row.ids)}
            onReviewAll={(decision, author) => controller.reviewAll(decision, author)}
            onClose={() => controller.setChangesVisible(false)}
          />
        ) : null}
      </div>
      <StatusBar
        name={state.session.name}
        dirty={state.session.dirty}
        language={snapshot.language}
        tracking={snapshot.tracking}
        trackingScope={snapshot.trackingScope}
        contribution={snapshot.contribution}
        onToggleScope={() => run('toggle-tracking-scope')}
        wordCount={snapshot.wordCount}
        leftToTranslate={leftToTranslate}
        onNextToTranslate={() => run('next-to-translate')}
        recoveredAt={state.session.recoveredAt}
        author={snapshot.author}
        reviewView={reviewView}
        onToggleTracking={() => run('toggle-tracking')}
        onAuthor={() => run('author-name')}
        onMarkup={() => controller.showView('markup')}
      />
      {state.authorPrompt ? (
        <AuthorDialog
          initial={snapshot.author}
          firstTime={state.authorPrompt.firstTime}
          onDone={(name) => {
            void controller.authorChosen(name);
            // After the key that closed the dialog is done: the Enter that submitted it must not
            // reach the page as a keypress once the editor has the focus.
            setTimeout(() => controller.focus(), 0);
          }}
        />
      ) : null}
      {state.recovery.length > 0 ? (
        <RecoveryDialog
          snapshots={state.recovery}
          onRestore={(s) => void controller.restore(s)}
          onDiscard={(s) => void controller.discardRecovery(s)}
          onLater={() => controller.postponeRecovery()}
        />
      ) : null}
      <ProposalDialogs dialog={state.proposalDialog} libraryAdd={state.libraryAdd} language={snapshot.language} actions={controller} />
      <FileDialogs pick={state.pick} discard={state.discard} conflict={state.conflict} actions={controller} />
    </div>
  );
}
