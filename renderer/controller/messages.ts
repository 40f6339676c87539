/**
 * The messages banner's list: at most four at a time (the newest). Each message goes when what it
 * says is over, as in a desktop editor's notification area:
 *
 * - information ("Saved a.plenary") goes by itself after a few seconds (longer when it offers an
 *   action, such as Show in folder after an export);
 * - progress ("Preparing the Word file…") stays while its work runs and goes when it ends;
 * - an error stays until the user dismisses it, or until its problem is gone: an error is filed
 *   under a topic (the save, the recovery copy, the export…), and the next success on that topic
 *   clears it (`resolve`). A second error on one topic replaces the first (a recovery copy failing
 *   every second is one message, not a pile of them).
 */

export interface Message {
  id: number;
  kind: 'error' | 'info' | 'progress';
  text: string;
  /** A follow-up the user may take (Show in folder after an export). */
  action?: { label: string; run(): void };
  /** What the message is about: a later success on it clears the message. */
  topic?: MessageTopic;
}

/**
 * What a message is about. `save`: writing the file; `content`: the document cannot be written
 * at all (it does not serialise); `recovery`: the recovery copy; `open`, `export`: those commands.
 */
export type MessageTopic = 'save' | 'content' | 'recovery' | 'open' | 'export';

/** How long an information message stays. */
export const INFO_MESSAGE_MS = 6000;
/** How long an information message with an action stays: time to read it and reach its button. */
export const ACTION_MESSAGE_MS = 12000;
const KEPT = 4;

/** How long a message stays by itself, in ms; null: until it is dismissed or resolved. */
export function lifetimeOf(message: Pick<Message, 'kind' | 'action'>): number | null {
  if (message.kind !== 'info') return null;
  return message.action ? ACTION_MESSAGE_MS : INFO_MESSAGE_MS;
}

/**
 * Which topics a success clears. A file saved was also serialised (its content is fine) and is
 * what the recovery copy protected; a recovery copy written was serialised too.
 */
export const CLEARED_BY: Readonly<Record<MessageTopic, readonly MessageTopic[]>> = {
  save: ['save', 'content', 'recovery'],
  recovery: ['recovery', 'content'],
  content: ['content'],
  open: ['open'],
  export: ['export'],
};

export class MessageLog {
  private list: readonly Message[] = [];
  private counter = 0;

  constructor(private readonly changed: (messages: readonly Message[]) => void) {}

  get messages(): readonly Message[] {
    return this.list;
  }

  /** Shows a message; returns its id, for a message that must go when what it announces is over. */
  say(kind: Message['kind'], text: string, options: { action?: Message['action']; topic?: MessageTopic } = {}): number {
    const id = ++this.counter;
    const { action, topic } = options;
    const message: Message = { id, kind, text, ...(action ? { action } : {}), ...(topic ? { topic } : {}) };
    const others = topic && kind === 'error' ? this.list.filter((old) => !(old.kind === 'error' && old.topic === topic)) : this.list;
    this.set([...others.slice(-(KEPT - 1)), message]);
    const lifetime = lifetimeOf(message);
    if (lifetime !== null) setTimeout(() => this.dismiss(id), lifetime);
    return id;
  }

  dismiss(id: number): void {
    if (this.list.some((message) => message.id === id)) this.set(this.list.filter((message) => message.id !== id));
  }

  /** Something on `topic` succeeded: the errors it makes obsolete go (CLEARED_BY). */
  resolve(topic: MessageTopic): void {
    const cleared = CLEARED_BY[topic];
    const kept = this.list.filter((message) => message.kind !== 'error' || !message.topic || !cleared.includes(message.topic));
    if (kept.length !== this.list.length) this.set(kept);
  }

  private set(list: readonly Message[]): void {
    this.list = list;
    this.changed(list);
  }
}
