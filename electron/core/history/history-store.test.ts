import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { createMemoryHistoryStore } from './history-store';
import type { HistoryBounds, HistoryStore } from './history-store';
import { HISTORY_FILE_NAME, openHistoryStore } from './open-history-store';
import { loadSqlite } from './sqlite-history-store';

let dir: string;
const opened: HistoryStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-history-'));
});
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
  rmSync(dir, { recursive: true, force: true });
});

function open(bounds?: HistoryBounds) {
  const result = openHistoryStore(dir, {
    ...(bounds && { bounds }),
    now: () => new Date('2026-12-01T10:00:00Z'),
  });
  opened.push(result.store);
  return result;
}

function dataset(eTag: string, team = 'a', extra = ''): RedactedDataset {
  return {
    name: 'flowers',
    annotationKind: 'imageClassification',
    annotationFileUris: ['https://acct.blob.core.windows.net/c/train.json'],
    authentication: { kind: 'sas', hasSasToken: true, sasTokenFingerprint: 'fp-1234' },
    customProperties: { team, ...(extra && { extra }) },
    eTag,
    createdDateTime: '2026-01-01T00:00:00Z',
    updatedDateTime: '2026-01-01T00:00:00Z',
  };
}

const eTags = (store: HistoryStore, name = 'flowers', connectionId = 'c1') =>
  store.list(connectionId, name).map((v) => v.eTag);

describe('the history store', () => {
  it('runs on node:sqlite in this Node without a flag', () => {
    expect(loadSqlite()).toBeDefined();
    const { store, notice } = open();
    expect(notice).toBeUndefined();
    expect(store.persistent).toBe(true);
  });

  it('lists versions newest first with where each came from; a version seen again is not new', () => {
    const { store } = open();
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    store.record({ connectionId: 'c1', source: 'saved', dataset: dataset('"2"', 'b') });
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"2"', 'b') });
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"3"', 'c') });
    store.record({ connectionId: 'c2', source: 'loaded', dataset: dataset('"9"') });

    const versions = store.list('c1', 'flowers');
    expect(versions.map((v) => [v.eTag, v.source])).toEqual([
      ['"3"', 'loaded'],
      ['"2"', 'saved'],
      ['"1"', 'loaded'],
    ]);
    expect(versions[1]?.dataset.customProperties).toEqual({ team: 'b' });
    expect(versions[0]?.seenAt).toBe('2026-12-01T10:00:00.000Z');
    expect(eTags(store, 'flowers', 'c2')).toEqual(['"9"']);
    expect(store.list('c1', 'other')).toEqual([]);
  });

  it('counts a version listed with its fields in another order as the same version', () => {
    const { store } = open();
    const saved = dataset('"1"');
    const reordered = Object.fromEntries(Object.entries(saved).reverse()) as RedactedDataset;
    store.record({ connectionId: 'c1', source: 'saved', dataset: saved });
    store.record({ connectionId: 'c1', source: 'loaded', dataset: reordered });
    expect(store.list('c1', 'flowers').map((v) => v.source)).toEqual(['saved']);
  });

  it('keeps the version a delete removed as a version of its own', () => {
    const { store } = open();
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    store.record({ connectionId: 'c1', source: 'beforeDelete', dataset: dataset('"1"') });
    expect(store.list('c1', 'flowers').map((v) => v.source)).toEqual(['beforeDelete', 'loaded']);
  });

  it.skipIf(process.platform === 'win32')(
    'is readable by this user only, its write-ahead log too (POSIX modes)',
    () => {
      const { store } = open();
      store.record({ connectionId: 'c1', source: 'saved', dataset: dataset('"1"') });
      const modes = readdirSync(dir)
        .filter((f) => f.startsWith(HISTORY_FILE_NAME))
        .map((f) => [f, (statSync(join(dir, f)).mode & 0o777).toString(8)]);
      expect(modes.length).toBeGreaterThan(0);
      expect(modes).toEqual(modes.map(([f]) => [f, '600']));
    },
  );

  it('survives a restart', () => {
    const first = open();
    first.store.record({ connectionId: 'c1', source: 'saved', dataset: dataset('"1"') });
    first.store.close();
    expect(eTags(open().store)).toEqual(['"1"']);
  });

  it('keeps at most 200 versions of a dataset, dropping the oldest, and leaves other datasets be', () => {
    const { store } = open();
    store.record({
      connectionId: 'c1',
      source: 'loaded',
      dataset: { ...dataset('"x"'), name: 'other' },
    });
    for (let n = 1; n <= 205; n++) {
      store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset(`"${n}"`) });
    }
    const kept = eTags(store);
    expect(kept).toHaveLength(200);
    expect(kept[0]).toBe('"205"');
    expect(kept.at(-1)).toBe('"6"');
    expect(eTags(store, 'other')).toEqual(['"x"']);
  });

  it('keeps at most the total size given, dropping the oldest of any dataset first', () => {
    const big = 'x'.repeat(10_000);
    const { store } = open({ versionsPerDataset: 200, totalBytes: 35_000 });
    store.record({
      connectionId: 'c1',
      source: 'loaded',
      dataset: { ...dataset('"o"', 'a', big), name: 'other' },
    });
    for (let n = 1; n <= 4; n++) {
      store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset(`"${n}"`, 'a', big) });
    }
    // Each version is a little over 10 KB: three fit, the oldest two went.
    expect(eTags(store, 'other')).toEqual([]);
    expect(eTags(store)).toEqual(['"4"', '"3"', '"2"']);
  });

  it('moves a damaged file aside with a notice and starts a new history', () => {
    const garbage = 'SQLite format 2\u0000 this is not a database at all, just text'.repeat(20);
    writeFileSync(join(dir, HISTORY_FILE_NAME), garbage);

    const { store, notice } = open();

    expect(notice).toMatch(
      /history\.db was damaged.*kept as .*history\.corrupt-2026-12-01T10-00-00-000Z\.db/,
    );
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    expect(eTags(store)).toEqual(['"1"']);
    const aside = readdirSync(dir).find((f) => f.startsWith('history.corrupt-'));
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toBe(garbage);
  });

  it('moves aside a database that is not this app’s history', () => {
    const sqlite = loadSqlite();
    if (!sqlite) throw new Error('node:sqlite is missing');
    const db = new sqlite.DatabaseSync(join(dir, HISTORY_FILE_NAME));
    db.exec('CREATE TABLE versions (id INTEGER, note TEXT); PRAGMA user_version = 7;');
    db.close();

    const { store, notice } = open();

    expect(notice).toContain('was damaged');
    expect(readdirSync(dir).some((f) => f.startsWith('history.corrupt-'))).toBe(true);
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    expect(eTags(store)).toEqual(['"1"']);
  });

  it('keeps history in memory, and says so, where Node has no node:sqlite', () => {
    const { store, notice } = openHistoryStore(dir, { sqlite: undefined });
    expect(notice).toMatch(/kept only until the app quits.*Node\.js 22\.13 or later/);
    expect(store.persistent).toBe(false);
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset('"1"') });
    store.record({ connectionId: 'c1', source: 'saved', dataset: dataset('"2"', 'b') });
    expect(eTags(store)).toEqual(['"2"', '"1"']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('bounds the in-memory fallback the same way', () => {
    const store = createMemoryHistoryStore({ versionsPerDataset: 3, totalBytes: 1_000_000 });
    for (let n = 1; n <= 5; n++) {
      store.record({ connectionId: 'c1', source: 'loaded', dataset: dataset(`"${n}"`) });
    }
    expect(eTags(store)).toEqual(['"5"', '"4"', '"3"']);
  });
});
