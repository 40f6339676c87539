/**
 * Mounts the ProseMirror view once in `place`, hands it to the controller, and runs start-up
 * (settings, the document given at launch, the recovery offer) once it is there.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { TextImporter } from '../../shared/editing/index.js';
import { mountEditor } from '../editor/create-editor.js';
import type { PasteReader } from '../editor/paste-reader.js';
import type { AppController } from './controller.js';
import { viewSurface } from './editor-surface.js';

export function useEditor(
  controller: AppController,
  place: RefObject<HTMLDivElement | null>,
  importText: TextImporter | undefined,
  onEditorView: ((view: EditorView) => void) | undefined,
  readPaste?: PasteReader,
): EditorView | null {
  const [view, setView] = useState<EditorView | null>(null);

  useEffect(() => {
    if (!place.current) return;
    const created = mountEditor(place.current, {
      state: controller.initialEditorState(),
      importText,
      ...(readPaste ? { readPaste } : {}),
      announce: (text) => {
        const id = controller.announce(text);
        return () => controller.dismissMessage(id);
      },
      onRefused: (message) => controller.say('error', message),
      onTransaction: (v, tr) => controller.transactionApplied(v.state, tr),
    });
    controller.attach(viewSurface(created));
    setView(created);
    onEditorView?.(created);
    return () => {
      controller.detach();
      created.destroy();
    };
  }, [controller, place, importText, onEditorView, readPaste]);

  useEffect(() => {
    if (!view) return;
    let cancelled = false;
    void controller.start(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [controller, view]);

  return view;
}
