/**
 * Documents named on a command line: the app's own argv, a second instance's argv (Windows and
 * Linux file associations pass the file there), resolved against that instance's folder.
 */
import path from 'node:path';

const DOCUMENT_EXTENSIONS = new Set(['.plenary', '.txt', '.docx']);

export function documentPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  // argv[0] is the executable; in development argv[1] is the app folder (".", no document extension).
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && DOCUMENT_EXTENSIONS.has(path.extname(arg).toLowerCase()))
    .map((arg) => path.resolve(workingDirectory, arg));
}
