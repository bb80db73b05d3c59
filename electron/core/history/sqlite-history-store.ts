import type * as NodeSqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';

export type SqliteModule = typeof NodeSqlite;
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { HistorySource } from '../../../shared/history/history-contract';
import { DEFAULT_HISTORY_BOUNDS, isRepeat, serialize } from './history-store';
import type { HistoryBounds, HistoryStore } from './history-store';

const SCHEMA_VERSION = 1;
const COLUMNS = [
  'id',
  'connection_id',
  'dataset_name',
  'seen_at',
  'last_seen_at',
  'source',
  'etag',
  'dataset_json',
  'size_bytes',
];

/** The file opened, but it is not this app's history: it is moved aside, as a damaged one. */
export class HistorySchemaMismatch extends Error {}

/**
 * node:sqlite, looked up at run time: Node before 22.13 has it only behind a flag, and a
 * bundler need not know of the module. Undefined where it is missing.
 */
export function loadSqlite(): SqliteModule | undefined {
  try {
    return process.getBuiltinModule('node:sqlite');
  } catch {
    return undefined;
  }
}

function prepareSchema(db: DatabaseSync): void {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number })
    .user_version;
  const columns = (db.prepare('PRAGMA table_info(versions)').all() as { name: string }[]).map(
    (c) => c.name,
  );
  if (version === 0 && columns.length === 0) {
    db.exec(`
      CREATE TABLE versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        connection_id TEXT NOT NULL,
        dataset_name TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        source TEXT NOT NULL,
        etag TEXT,
        dataset_json TEXT NOT NULL,
        size_bytes INTEGER NOT NULL
      );
      CREATE INDEX versions_by_dataset ON versions (connection_id, dataset_name, id);
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
    return;
  }
  if (version !== SCHEMA_VERSION || columns.join() !== COLUMNS.join()) {
    throw new HistorySchemaMismatch(
      `The history database has schema ${version} with columns ${columns.join(', ') || 'none'}.`,
    );
  }
}

/**
 * History in one SQLite file. Throws when the file is not a database or not this app's (the
 * caller moves it aside). Writes are small and synchronous: one sighting is one transaction.
 */
export function openSqliteHistoryStore(
  sqlite: SqliteModule,
  filePath: string,
  bounds: HistoryBounds = DEFAULT_HISTORY_BOUNDS,
  now: () => Date = () => new Date(),
): HistoryStore {
  const db = new sqlite.DatabaseSync(filePath);
  try {
    prepareSchema(db);
    // History must not slow a save: a write-ahead log without a flush to disk per commit costs
    // microseconds instead of milliseconds, and a crash can lose only the last versions, never
    // damage the file.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  } catch (error) {
    db.close();
    throw error;
  }
  let closed = false;
  const latestWithETag = db.prepare(
    `SELECT id, dataset_json AS json FROM versions
     WHERE connection_id = ? AND dataset_name = ? AND etag IS ?
     ORDER BY id DESC LIMIT 1`,
  );
  const touch = db.prepare('UPDATE versions SET last_seen_at = ? WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO versions
       (connection_id, dataset_name, seen_at, last_seen_at, source, etag, dataset_json, size_bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const dropBeyondCount = db.prepare(
    `DELETE FROM versions WHERE connection_id = ? AND dataset_name = ? AND id NOT IN (
       SELECT id FROM versions WHERE connection_id = ? AND dataset_name = ?
       ORDER BY id DESC LIMIT ?)`,
  );
  const totalSize = db.prepare('SELECT COALESCE(SUM(size_bytes), 0) AS total FROM versions');
  const oldestFirst = db.prepare('SELECT id, size_bytes AS size FROM versions ORDER BY id ASC');
  const dropUpTo = db.prepare('DELETE FROM versions WHERE id <= ?');
  const listOf = db.prepare(
    `SELECT id, seen_at, source, etag, dataset_json FROM versions
     WHERE connection_id = ? AND dataset_name = ? ORDER BY id DESC`,
  );

  function dropOldestBeyondSize(): void {
    let total = Number((totalSize.get() as { total: number }).total);
    if (total <= bounds.totalBytes) return;
    let last: number | undefined;
    for (const row of oldestFirst.all() as { id: number; size: number }[]) {
      if (total <= bounds.totalBytes) break;
      total -= row.size;
      last = row.id;
    }
    if (last !== undefined) dropUpTo.run(last);
  }

  return {
    persistent: true,
    record(sighting) {
      const { connectionId, dataset } = sighting;
      const json = serialize(dataset);
      const eTag = dataset.eTag ?? null;
      const stamp = now().toISOString();
      db.exec('BEGIN');
      try {
        const same = latestWithETag.get(connectionId, dataset.name, eTag) as
          { id: number; json: string } | undefined;
        if (same && isRepeat(sighting, same)) {
          touch.run(stamp, same.id);
        } else {
          insert.run(
            connectionId,
            dataset.name,
            stamp,
            stamp,
            sighting.source,
            eTag,
            json,
            Buffer.byteLength(json),
          );
          dropBeyondCount.run(
            connectionId,
            dataset.name,
            connectionId,
            dataset.name,
            bounds.versionsPerDataset,
          );
          dropOldestBeyondSize();
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    list: (connectionId, name) =>
      (
        listOf.all(connectionId, name) as {
          id: number;
          seen_at: string;
          source: HistorySource;
          etag: string | null;
          dataset_json: string;
        }[]
      ).map((row) => ({
        versionId: String(row.id),
        seenAt: row.seen_at,
        source: row.source,
        ...(row.etag !== null && { eTag: row.etag }),
        dataset: JSON.parse(row.dataset_json) as RedactedDataset,
      })),
    close: () => {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
