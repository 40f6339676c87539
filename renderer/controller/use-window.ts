/**
 * The window around the page: its title names the document (• when unsaved), closing a browser
 * tab with unsaved work asks first, and a file dropped on the page opens like File → Open.
 */
import { useCallback, useEffect, type DragEvent } from 'react';
import type { SessionInfo } from '../session.js';
import type { AppController } from './controller.js';

export function useWindowTitle(info: SessionInfo, browserHost: boolean): void {
  useEffect(() => {
    document.title = `${info.dirty ? '• ' : ''}${info.name ?? 'Untitled'} — Plenary`;
    if (!browserHost || !info.dirty) return;
    // The recovery copy covers crashes; a closed tab is asked about.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [info.dirty, info.name, browserHost]);
}

/**
 * A .docx, .txt or .plenary dropped on the page opens as an imported document (the page never
 * learns where the file lives, so Save asks for a name). Text drops stay the editor's.
 */
export function useFileDrop(controller: AppController): { onDragOverCapture(event: DragEvent): void; onDropCapture(event: DragEvent): void } {
  const onDragOverCapture = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  }, []);
  const onDropCapture = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      void controller.openDropped(file.name, () => base64Of(file));
    },
    [controller],
  );
  return { onDragOverCapture, onDropCapture };
}

/** A file's bytes in base64, encoded in chunks (String.fromCharCode takes a bounded argument list). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
