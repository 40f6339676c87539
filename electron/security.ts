/**
 * Security as Electron's checklist recommends. The renderer is treated as untrusted content:
 * isolated, sandboxed, no Node; it is served from our own `app://plenary/` scheme with a strict
 * Content-Security-Policy; it may not navigate, open windows or get permissions; and the app makes
 * no network request at all (Plenary works offline, so anything non-local is a bug or an attack).
 */
import type { Session, WebContents, WebFrameMain, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://plenary`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/**
 * No remote code and no eval: scripts only from the app itself. Styles allow inline attributes
 * because the editor view sets `style` on nodes; that cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  // The paste worker (renderer/editor/paste-worker.ts), a script of the app itself.
  "worker-src 'self'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker would download Hunspell dictionaries from Google's CDN (Linux): a
    // network request outside webRequest's reach. The app makes none.
    spellcheck: false,
  };
}

/** Local schemes a page of ours may load from; everything else (http, ws, ftp, file…) is refused. */
const LOCAL_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

export function isLocalRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === 'plenary';
  return LOCAL_PROTOCOLS.has(parsed.protocol);
}

/** IPC is answered only for frames showing our own page (not an injected iframe or a stray URL). */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url'> | null | undefined): boolean {
  return !!frame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalRequest(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Applied to every web contents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
