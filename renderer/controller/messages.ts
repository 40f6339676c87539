/**
 * The messages banner's list: at most four at a time (the newest), information going away by
 * itself after a while, errors staying until dismissed.
 */

export interface Message {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** A follow-up the user may take (Show in folder after an export). */
  action?: { label: string; run(): void };
}

/** How long an information message stays. */
export const INFO_MESSAGE_MS = 6000;
const KEPT = 4;

export class MessageLog {
  private list: readonly Message[] = [];
  private counter = 0;

  constructor(private readonly changed: (messages: readonly Message[]) => void) {}

  get messages(): readonly Message[] {
    return this.list;
  }

  /** Shows a message; returns its id, for a message that must go when what it announces is over. */
  say(kind: Message['kind'], text: string, action?: Message['action']): number {
    const id = ++this.counter;
    this.set([...this.list.slice(-(KEPT - 1)), { id, kind, text, ...(action ? { action } : {}) }]);
    if (kind === 'info') setTimeout(() => this.dismiss(id), INFO_MESSAGE_MS);
    return id;
  }

  dismiss(id: number): void {
    if (this.list.some((message) => message.id === id)) this.set(this.list.filter((message) => message.id !== id));
  }

  private set(list: readonly Message[]): void {
    this.list = list;
    this.changed(list);
  }
}
