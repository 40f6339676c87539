/**
 * The state one host process keeps for all its windows: file grants (in memory, for this launch),
 * and, in the user-data folder, the recent list, the settings and the recovery snapshots.
 */
import path from 'node:path';
import { removeStaleTemporaries } from '../file/index.js';
import { checkDocument } from './documents.js';
import { FileGrants } from './grants.js';
import { RecentFiles } from './recent.js';
import { RecoveryStore, type RecoveryStoreOptions } from './recovery.js';
import { SettingsStore } from './settings.js';

export interface HostStores {
  userDataDir: string;
  grants: FileGrants;
  recent: RecentFiles;
  settings: SettingsStore;
  recovery: RecoveryStore;
}

/** Opens the stores of a new launch (writes its recovery lock; call `closeHostStores` on a clean exit). */
export async function openHostStores(userDataDir: string, recovery: RecoveryStoreOptions = {}): Promise<HostStores> {
  // Temporary files of writes killed in an earlier launch (settings, recent list, snapshots).
  for (const folder of [userDataDir, path.join(userDataDir, 'recovery'), path.join(userDataDir, 'recovery', 'launches')]) {
    await removeStaleTemporaries(folder);
  }
  return {
    userDataDir,
    grants: new FileGrants(),
    recent: new RecentFiles(path.join(userDataDir, 'recent.json')),
    settings: new SettingsStore(path.join(userDataDir, 'settings.json')),
    recovery: await RecoveryStore.open(path.join(userDataDir, 'recovery'), {
      checkContent: (content) => {
        const checked = checkDocument(content);
        return checked.ok ? null : checked.error;
      },
      ...recovery,
    }),
  };
}

export async function closeHostStores(stores: HostStores): Promise<void> {
  await stores.recovery.close();
}
