import { statSync } from 'node:fs';
import type { SettingsStore } from './settings-store';

/** Which version of the file is on disk: an atomic write (a rename) changes the inode. */
function fileVersion(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : 'absent';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * conf and electron-store read and parse the whole file on every get, and one save read the
 * settings five times (the connection, its key twice, the draft and its token). This keeps what
 * was read until the file changes, by this store or anything else. The file is looked at (one
 * stat, far cheaper than a read and a parse) at most once per turn of the event loop: reads
 * within one turn see one version of the file, as if they had all been made at its start.
 * Values are frozen and shared; a caller that wants to change one makes its own copy.
 */
export function withReadCache(store: SettingsStore): SettingsStore {
  let read: { version: string; values: Map<string, unknown> } | undefined;
  let checkedThisTurn = false;

  function current(): Map<string, unknown> {
    if (checkedThisTurn && read) return read.values;
    const version = fileVersion(store.path);
    if (read?.version !== version) read = { version, values: new Map() };
    checkedThisTurn = true;
    setImmediate(() => {
      checkedThisTurn = false;
    }).unref();
    return read.values;
  }

  const forget = () => {
    read = undefined;
    checkedThisTurn = false;
  };

  return {
    get path() {
      return store.path;
    },
    get(key) {
      const values = current();
      if (!values.has(key)) values.set(key, deepFreeze(store.get(key)));
      return values.get(key);
    },
    set(key, value) {
      forget();
      store.set(key, value);
    },
    delete(key) {
      forget();
      store.delete(key);
    },
  };
}
