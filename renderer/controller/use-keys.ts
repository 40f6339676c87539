/**
 * The page's own keys: in the browser host the file and review shortcuts of the command registry
 * (Electron's native menu binds them there), and everywhere Esc to leave a preview.
 */
import { useEffect } from 'react';
import type { PlenaryApi } from '../../shared/ipc/index.js';
import type { ReviewView } from '../editor/review-view.js';
import { keyPlatform } from '../editor/create-editor.js';
import type { AppController } from './controller.js';
import { pageShortcut } from './shortcuts.js';

export function useBrowserShortcuts(controller: AppController, browserHost: boolean): void {
  useEffect(() => {
    if (!browserHost) return;
    const platform = keyPlatform();
    const onKey = (event: KeyboardEvent) => {
      const command = pageShortcut(event, controller.getState().reviewView !== 'markup', platform);
      if (!command) return;
      event.preventDefault();
      // The editor must not see it too (Alt+Shift+A would type a character on some layouts).
      event.stopPropagation();
      void controller.run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [controller, browserHost]);
}

/** The native menu's commands (Electron); the browser host sends none. */
export function useMenuCommands(controller: AppController, api: PlenaryApi): void {
  useEffect(() => api.onMenuCommand((command) => void controller.run(command)), [controller, api]);
}

/** Esc leaves a preview for the editable markup (unless a dialog is open: Esc is its own there). */
export function usePreviewEscape(controller: AppController, reviewView: ReviewView): void {
  useEffect(() => {
    if (reviewView === 'markup') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('.modal-backdrop')) return;
      event.preventDefault();
      controller.showView('markup');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, reviewView]);
}
