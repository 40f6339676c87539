/**
 * The contract between the renderer and its host: `PlenaryApi` (api.ts), the validation of every
 * request a host receives (validate.ts), and the HTTP wire protocol of `plenary serve`.
 */

// The module's API: what the rest of Plenary imports from shared/ipc.
export type {
  AddToLibraryOutcome,
  DocumentJson,
  LibraryDuplicateChoice,
  LibraryTextInfo,
  ExportMode,
  ExportOutcome,
  LibraryText,
  MenuCommand,
  OpenedDocument,
  OpenOutcome,
  PlenaryApi,
  RecentFile,
  RecoverySnapshot,
  SaveOutcome,
  Settings,
} from './api.js';
export {
  type ApiMethod,
  type CallRequest,
  type CallResponse,
  fileNameProblem,
  folderPathProblem,
  PICKER_EXTENSIONS,
  PICKER_PURPOSES,
  type PickerListing,
  type PickerPurpose,
  TOKEN_FRAGMENT,
  TOKEN_HEADER,
} from './http-protocol.js';
export { FILE_ID_PATTERN, type HostMethod, InvalidRequestError, parseRequest, SESSION_ID_PATTERN } from './validate.js';
