/**
 * User settings (`<userData>/settings.json`): the author name written on tracked changes and the
 * interface language. Each field is validated on its own, so a corrupt or half-valid file falls back
 * to the defaults for what is wrong and keeps what is right; the app always starts.
 */
import { z } from 'zod';
import { LANGUAGE_CODES } from '../../shared/languages/index.js';
import type { Settings } from '../../shared/ipc/index.js';
import { SerialQueue } from './serial.js';
import { readJsonFile, writeJsonAtomic } from './storage.js';

const AUTHOR_NAME_MAX = 200;

const authorNameSchema = z.string().trim().max(AUTHOR_NAME_MAX);
const languageSchema = z.enum(LANGUAGE_CODES);

/** The author name the OS knows for this user, as Word does, or empty when there is none. */
/**
 * No author name until the user gives one: the name is written on every tracked change a Council
 * editor will read, so the editor asks for it the first time tracking is switched on (a login name
 * such as `jdupont` is not what a delegation wants on its proposals).
 */
function defaultSettings(): Settings {
  return { authorName: '', language: 'en' };
}

export class SettingsStore {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly file: string,
    private readonly defaults: Settings = defaultSettings(),
  ) {}

  async get(): Promise<Settings> {
    const stored = await readJsonFile(this.file);
    const fields = z
      .object({
        authorName: authorNameSchema.catch(this.defaults.authorName),
        language: languageSchema.catch(this.defaults.language),
      })
      .catch({ ...this.defaults });
    return fields.parse(stored ?? {});
  }

  /** Merges a validated partial update and writes it; returns the settings now in force. */
  set(update: Partial<Settings>): Promise<Settings> {
    return this.queue.run(async () => {
      const next: Settings = { ...(await this.get()), ...definedFields(update) };
      await writeJsonAtomic(this.file, next);
      return next;
    });
  }
}

function definedFields(update: Partial<Settings>): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (update.authorName !== undefined) out.authorName = update.authorName;
  if (update.language !== undefined) out.language = update.language;
  return out;
}
