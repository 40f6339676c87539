/**
 * What the parts of the controller (documents.ts, review.ts) share of the window: the host, the
 * session, the editor store, the editor itself and the messages. The controller provides it.
 */
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { PlenaryApi } from '../../shared/ipc/index.js';
import type { Session } from '../session.js';
import type { EditorStore } from '../store.js';
import type { EditorSurface } from './editor-surface.js';
import type { Message, MessageTopic } from './messages.js';

/** What the controller needs of the page besides the editor: the host API. */
export interface ControllerHost {
  api: PlenaryApi;
  /**
   * Answers the yes/no questions in place of the in-page dialog (tests). Without it the page asks
   * in its own dialog: a native window.confirm may be suppressed by the browser (or dismissed by an
   * automation driver) and then the command silently does nothing.
   */
  confirm?(question: string): boolean;
}

export interface WindowContext {
  readonly host: ControllerHost;
  readonly session: Session;
  readonly store: EditorStore;
  /** The editor as shown (a preview, if one is), or null before the page mounted it. */
  editor(): EditorSurface | null;
  /** The editor in the Markup view: a Final or Original preview is left first. */
  editing(): EditorSurface | null;
  /** The editing state: the one on screen, or the one kept aside while a preview is shown. */
  markupState(): EditorState | null;
  /** Shows `doc` in the Markup view, editable, with a fresh history. */
  show(doc: Node): void;
  setChangesVisible(visible: boolean): void;
  /** A message in the banner; an error under a topic goes at the next success on it (`resolved`). */
  say(kind: Message['kind'], text: string, options?: { action?: Message['action']; topic?: MessageTopic }): void;
  /** Something on `topic` went through: its errors go. */
  resolved(topic: MessageTopic): void;
  /** Asks whether to discard unsaved work (the in-page dialog); true to go on. */
  askDiscard(question: string): Promise<boolean>;
  /** A progress message for something under way; returns its id for dismissMessage once that is over. */
  announce(text: string): number;
  dismissMessage(id: number): void;
}
