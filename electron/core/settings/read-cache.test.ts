import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withReadCache } from './read-cache';
import { openConfStore } from './settings-store';
import type { SettingsStore } from './settings-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-read-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function counted(store: SettingsStore) {
  const get = vi.fn((key: string) => store.get(key));
  const wrapped: SettingsStore = {
    path: store.path,
    get,
    set: (k, v) => store.set(k, v),
    delete: (k) => store.delete(k),
  };
  return { wrapped, get };
}

describe('withReadCache', () => {
  it('reads the file once while it is unchanged', () => {
    const { wrapped, get } = counted(openConfStore(dir, 'settings'));
    wrapped.set('connections', [{ id: 'a' }]);
    const store = withReadCache(wrapped);
    expect(store.get('connections')).toEqual([{ id: 'a' }]);
    expect(store.get('connections')).toEqual([{ id: 'a' }]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('sees its own writes and deletes at once', () => {
    const store = withReadCache(openConfStore(dir, 'settings'));
    expect(store.get('connections')).toBeUndefined();
    store.set('connections', [{ id: 'a' }]);
    expect(store.get('connections')).toEqual([{ id: 'a' }]);
    store.delete('connections');
    expect(store.get('connections')).toBeUndefined();
  });

  it('sees a change another program made to the file, from the next turn on', async () => {
    const conf = openConfStore(dir, 'settings');
    const store = withReadCache(conf);
    conf.set('connections', [{ id: 'a' }]);
    expect(store.get('connections')).toEqual([{ id: 'a' }]);
    writeFileSync(conf.path, JSON.stringify({ connections: [{ id: 'b' }] }));
    await new Promise((turn) => setImmediate(turn));
    expect(store.get('connections')).toEqual([{ id: 'b' }]);
  });

  it('hands out frozen values, so no caller can change what the next one reads', () => {
    const store = withReadCache(openConfStore(dir, 'settings'));
    store.set('connections', [{ id: 'a' }]);
    const first = store.get('connections') as { id: string }[];
    expect(() => {
      first[0]!.id = 'changed';
    }).toThrow(TypeError);
    expect(() => first.push({ id: 'extra' })).toThrow(TypeError);
    expect(store.get('connections')).toEqual([{ id: 'a' }]);
  });
});
