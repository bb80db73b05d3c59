import ElectronStore from 'electron-store';
import { STORE_FILE_MODE } from '../core/settings/settings-store';
import type { SettingsStore } from '../core/settings/settings-store';

/** The desktop app's settings and drafts stores, in the user's data folder, owner-only. */
export function openDesktopStore(dataDir: string, name: 'settings' | 'drafts'): SettingsStore {
  return new ElectronStore<Record<string, unknown>>({
    name,
    cwd: dataDir,
    configFileMode: STORE_FILE_MODE,
  });
}
