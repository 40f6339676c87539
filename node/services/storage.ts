/**
 * Small JSON files in the user-data folder (recent list, settings, recovery), always written with
 * the project's atomic write so a crash mid-write leaves the previous file, never half of one.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../file/index.js';

/** The parsed JSON of a file, or undefined when it is missing or not JSON (callers fall back). */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // No `.bak`: these files are rewritten often and a stale copy would only mislead.
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { backup: false });
}
