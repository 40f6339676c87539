/** The library of texts in force as the CLI commands open it: `--data-dir`, else the user's data folder, seeded from the installation. */
import { Library, bundledLibraryDir } from '../node/services/index.js';
import { defaultUserDataDir } from '../host/index.js';
import { resolvePath } from './args.js';
import type { CliIo } from './io.js';

export async function openLibrary(io: CliIo, dataDir: string | undefined): Promise<Library> {
  const dir = dataDir ? resolvePath(io, dataDir) : defaultUserDataDir(io.env ?? process.env);
  const seedDir = bundledLibraryDir();
  return Library.open(dir, seedDir ? { seedDir } : {});
}
