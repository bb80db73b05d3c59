import { chmodSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { moveAside } from '../settings/open-store-safely';
import { createMemoryHistoryStore, DEFAULT_HISTORY_BOUNDS } from './history-store';
import type { HistoryBounds, HistoryStore } from './history-store';
import { HistorySchemaMismatch, loadSqlite, openSqliteHistoryStore } from './sqlite-history-store';
import type { SqliteModule } from './sqlite-history-store';

export const HISTORY_FILE_NAME = 'history.db';

export interface OpenedHistory {
  store: HistoryStore;
  /** What the user should know: a damaged file moved aside, or history kept in memory only. */
  notice?: string;
}

export interface OpenHistoryOptions {
  bounds?: HistoryBounds;
  now?: () => Date;
  /** node:sqlite, or undefined to act as on a Node without it. Looked up when not given. */
  sqlite?: SqliteModule | undefined;
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** The file is there but cannot be this app's history: moving it aside is the fix. */
function isDamaged(error: unknown): boolean {
  if (error instanceof HistorySchemaMismatch) return true;
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/**
 * History holds a team's dataset settings: readable by this user only, like the settings file.
 * SQLite gives its -wal and -shm files the database file's mode, so creating it first is enough.
 */
function keepPrivate(filePath: string): void {
  try {
    closeSync(openSync(filePath, 'a', 0o600));
    chmodSync(filePath, 0o600);
  } catch {
    // Opening the database says what is wrong with the folder.
  }
}

/**
 * Opens the history database in the data folder. A damaged file is moved aside with a notice,
 * as settings are; if no database can be used at all (a Node without node:sqlite, a folder
 * that cannot be written), history is kept in memory for this run, and the notice says so:
 * history is a convenience that must never stop the app.
 */
export function openHistoryStore(dataDir: string, options: OpenHistoryOptions = {}): OpenedHistory {
  const bounds = options.bounds ?? DEFAULT_HISTORY_BOUNDS;
  const now = options.now ?? (() => new Date());
  const sqlite = 'sqlite' in options ? options.sqlite : loadSqlite();
  const inMemory = (why: string): OpenedHistory => ({
    store: createMemoryHistoryStore(bounds, now),
    notice: `Dataset history is kept only until the app quits: ${why}`,
  });
  if (!sqlite) {
    return inMemory(
      `this Node.js (${process.versions.node}) has no built-in SQLite; Node.js 22.13 or later has it.`,
    );
  }
  const filePath = join(dataDir, HISTORY_FILE_NAME);
  const open = () => {
    keepPrivate(filePath);
    return openSqliteHistoryStore(sqlite, filePath, bounds, now);
  };
  try {
    return { store: open() };
  } catch (error) {
    if (!isDamaged(error))
      return inMemory(`the file ${filePath} could not be opened (${String(error)}).`);
    const movedTo = moveAside(filePath, now());
    try {
      return {
        store: open(),
        notice:
          `The file ${filePath} was damaged and could not be read, so the app started a new ` +
          `one: the versions of datasets seen before are not shown in History. The damaged ` +
          `file was kept as ${movedTo}.`,
      };
    } catch (again) {
      return inMemory(`the file ${filePath} could not be created (${String(again)}).`);
    }
  }
}
