import { join } from 'node:path';
import Conf from 'conf';

/**
 * The part of electron-store (desktop) and conf (browser mode) that the app's settings use.
 * Structural, so core never imports electron-store, which needs Electron at run time.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** The file the settings are kept in, for messages that tell the user where to look. */
  readonly path: string;
}

/**
 * Settings and drafts files are readable by their owner only: they hold only encrypted secrets,
 * but names, endpoints and unsaved edits are nobody else's business. Desktop (electron-store)
 * and browser mode (conf) both write with this mode.
 */
export const STORE_FILE_MODE = 0o600;

export function settingsFilePath(dir: string, name: string): string {
  return join(dir, `${name}.json`);
}

/** The browser-mode store: the same engine electron-store uses, in a folder the user chose. */
export function openConfStore(dir: string, name: string): SettingsStore {
  return new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: name,
    configFileMode: STORE_FILE_MODE,
  });
}
