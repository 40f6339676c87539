/**
 * Node services behind the renderer, shared by Electron's main process and the browser host of
 * `plenary serve`. No Electron, no DOM: only `node:` modules and shared/.
 *
 * How a host uses them:
 *
 *   const stores = await openHostStores(userDataDir);          // once per process (recovery lock)
 *   const api = createHostApi({                                 // once per window / page
 *     stores,
 *     dialogs: { chooseOpenPath, chooseSavePath },              // the host's own dialogs (open: by purpose)
 *     initialPath,                                              // file given at launch, or null
 *     onDirtyChange: (dirty, name) => …,                        // title marker, close prompt
 *     onDocumentPath: (filePath) => …,                          // opened/saved here (optional)
 *   });
 *   const result = await callHostApi(api, method, rawArgs);    // validates, then calls; throws
 *                                                               // InvalidRequestError / NotGrantedError
 *   await closeHostStores(stores);                              // on a clean exit
 *
 * - Files: the renderer only ever holds opaque fileIds (`FileGrants`), granted when the user picks a
 *   file in a dialog, from the recent list, or the host was launched with it. Any other id throws
 *   NotGrantedError ("this file was not opened by you").
 * - Documents: open reads .plenary, imports .txt/.docx; save validates the content first (an invalid
 *   document is never written) and writes atomically keeping `.bak`; Save As and Export to Word ask
 *   the injected dialog for a path. User errors are `{ ok: false, error }` outcomes, one line.
 *   `chooseResolution` (File → New revision) reads the chosen file like open but grants, records
 *   and ties nothing: the contribution built from it is a new untitled document.
 * - `<userData>/recent.json` (missing files pruned), `<userData>/settings.json` (defaults for anything
 *   corrupt), `<userData>/recovery/` (one snapshot per session; `listRecovery` returns those of
 *   sessions that are no longer running, damaged ones with a `damaged` reason).
 */

// The module's API: what the rest of Plenary imports from node/services.
export { callHostApi } from './dispatch.js';
export { DOCX_EXTENSION, PLENARY_EXTENSION, withExtension } from './documents.js';
export { NotGrantedError } from './grants.js';
export { createHostApi, type HostApi, type HostDialogs, type OpenPurpose } from './host-api.js';
export { fileIdentity, sameFile } from './identity.js';
export { type FileScope, folderScope } from './scope.js';
export { closeHostStores, type HostStores, openHostStores } from './stores.js';
export { bundledLibraryDir, holdsNumberLine, Library, type LibraryEntry, LibraryError } from './library.js';
