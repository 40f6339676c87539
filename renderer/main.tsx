/**
 * Entry of the renderer. In Electron the preload has put `window.plenary` in place; in a browser
 * (`plenary serve`) the API goes over HTTP to the host with the token from the URL's fragment.
 */
import { createRoot } from 'react-dom/client';
import './styles.js';
import { App } from './App.js';
import { PickerBridge } from './controller/picker-bridge.js';
import { createHttpApi, takeToken } from './host-api.js';
import { textImporter } from './paste-import.js';
import { workerPasteReader } from './editor/paste-reader.js';

function start(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  const picker = new PickerBridge();
  let api = window.plenary;
  const browserHost = !api;
  if (!api) {
    const token = takeToken(window.location, window.history, window.sessionStorage);
    if (!token) {
      root.textContent = 'Open the address that `plenary serve` printed: it carries the access token.';
      return;
    }
    api = createHttpApi({ token, pick: (request) => picker.pick(request) });
  }
  createRoot(root).render(
    <App api={api} picker={picker} browserHost={browserHost} importText={textImporter} readPaste={workerPasteReader()} />,
  );
}

start();
