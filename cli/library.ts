/** The library of texts in force as the CLI commands open it: `--data-dir`, else the user's data folder, seeded from the installation. */
import { Library, LibraryError, bundledLibraryDir } from '../node/services/index.js';
import { defaultUserDataDir } from '../host/index.js';
import { resolvePath } from './args.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';

export async function openLibrary(io: CliIo, dataDir: string | undefined): Promise<Library> {
  const dir = dataDir ? resolvePath(io, dataDir) : defaultUserDataDir(io.env ?? process.env);
  const seedDir = bundledLibraryDir();
  return asUserError(() => Library.open(dir, seedDir ? { seedDir } : {}));
}

/** Runs `action`, turning the library's and the proposals' one-line refusals into user errors (exit 1). */
export async function asUserError<T>(action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof LibraryError || (error instanceof Error && error.name === 'ProposalError')) throw new UserError(error.message);
    throw error;
  }
}
