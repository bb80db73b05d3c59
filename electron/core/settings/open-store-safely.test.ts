import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreSafely } from './open-store-safely';
import { openConfStore, settingsFilePath } from './settings-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => openConfStore(dir, 'settings');
const file = () => settingsFilePath(dir, 'settings');

describe('openStoreSafely', () => {
  it('starts with a working store when the settings file is garbage, and keeps the garbage aside', () => {
    const garbage = '{"connections": [ {"id": "a", \u0000 truncated mid-wri';
    writeFileSync(file(), garbage);

    const { store, notice } = openStoreSafely(open, file(), () => new Date('2025-11-25T20:10:00Z'));

    store.set('connections', []);
    expect(store.get('connections')).toEqual([]);
    expect(notice?.movedTo).toBe(join(dir, 'settings.corrupt-2025-11-25T20-10-00-000Z.json'));
    expect(notice?.message).toContain(file());
    expect(notice?.message).toContain(notice?.movedTo);
    expect(readFileSync(notice?.movedTo ?? '', 'utf8')).toBe(garbage);
  });

  it('never overwrites an earlier damaged file moved aside at the same moment', () => {
    const at = () => new Date('2025-11-25T20:10:00Z');
    writeFileSync(file(), 'first garbage');
    const first = openStoreSafely(open, file(), at).notice?.movedTo;
    writeFileSync(file(), 'second garbage');
    const second = openStoreSafely(open, file(), at).notice?.movedTo;

    expect(second).not.toBe(first);
    expect(readFileSync(first ?? '', 'utf8')).toBe('first garbage');
    expect(readFileSync(second ?? '', 'utf8')).toBe('second garbage');
  });

  it('opens a readable file as it is, with no notice', () => {
    writeFileSync(file(), JSON.stringify({ connections: [{ id: 'x' }] }));
    const { store, notice } = openStoreSafely(open, file());
    expect(notice).toBeUndefined();
    expect(store.get('connections')).toEqual([{ id: 'x' }]);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('rethrows a failure that moving the file would not fix, and leaves the file alone', () => {
    writeFileSync(file(), '{"fine": true}');
    const failing = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(() => openStoreSafely(failing, file())).toThrow('EACCES');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('creates the store when there is no file yet', () => {
    const { store, notice } = openStoreSafely(open, file());
    expect(notice).toBeUndefined();
    expect(store.get('connections')).toBeUndefined();
  });
});
