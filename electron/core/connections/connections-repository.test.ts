import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import type { SecretCipher } from '../secrets/secret-cipher';
import { createSecretVault, SECRETS_KEY } from '../secrets/secret-vault';
import { openConfStore } from '../settings/settings-store';
import type { SettingsStore } from '../settings/settings-store';
import {
  CONNECTIONS_KEY,
  connectionSecretId,
  createConnectionsRepository,
} from './connections-repository';
import type { StoredConnection } from './connections-repository';

let dir: string;
let keyFile: SecretCipher;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-connection-records-'));
  const cipher = await createKeyFileCipher(dir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  keyFile = cipher.value;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh app start on the same data folder. */
function open(options: { store?: SettingsStore; cipher?: SecretCipher } = {}) {
  const store = options.store ?? openConfStore(dir, 'settings');
  const vault = createSecretVault({ store, cipher: options.cipher ?? keyFile });
  const notices: string[] = [];
  const repository = createConnectionsRepository({
    store,
    vault,
    onNotice: (m) => notices.push(m),
  });
  return { store, repository, notices };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const PROD_ORIGIN = 'https://prod.cognitiveservices.azure.com';
const prod: StoredConnection = {
  id: 'prod-1',
  name: 'Production',
  endpoint: PROD_ORIGIN,
  keyOrigin: PROD_ORIGIN,
};
const KEY = 'prod-key-AAAA1111';

async function saveProd(repository: ReturnType<typeof open>['repository'], sessionOnly = false) {
  const key = value(await repository.prepareKey(prod.id, KEY, sessionOnly));
  value(repository.save(prod, key));
}

describe('saved connections in the settings file', () => {
  it('keeps a record and its key across a restart, and notes where the key is kept', async () => {
    await saveProd(open().repository);
    const { repository } = open();
    const record = repository.find(prod.id);
    expect(record).toEqual({ ...prod, keySessionOnly: false });
    expect(repository.keyStorage(prod.id)).toBe('persistent');
    expect(await repository.keyFor(record!, PROD_ORIGIN)).toEqual(ok(KEY));
  });

  it('skips damaged saved connections with a notice, and keeps them in the file', () => {
    const store = openConfStore(dir, 'settings');
    const good = { id: 'good-1', name: 'Good', endpoint: 'https://good.example.com/' };
    store.set(CONNECTIONS_KEY, [
      good,
      { id: 'bad-1', name: 'Bad', endpoint: 'ftp://nope', key: 'leaked-key-XYZ' },
      'not even an object',
      { ...good, name: 'Same id' },
    ]);
    const { repository, notices } = open({ store });

    expect(repository.all()).toEqual([
      {
        id: 'good-1',
        name: 'Good',
        endpoint: 'https://good.example.com',
        keyOrigin: 'https://good.example.com',
      },
    ]);
    repository.all();
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).not.toContain('leaked-key-XYZ');
    expect(notices[0]).toContain(store.path);

    value(repository.save({ ...prod, name: 'New' }));
    expect(store.get(CONNECTIONS_KEY)).toHaveLength(5);
  });

  it('ignores a connections list that is not a list, instead of crashing', () => {
    const store = openConfStore(dir, 'settings');
    store.set(CONNECTIONS_KEY, { oops: true });
    const { repository, notices } = open({ store });
    expect(repository.all()).toEqual([]);
    expect(notices).toEqual([
      `The list of saved connections in ${store.path} is damaged and was ignored.`,
    ]);
  });

  it('saves nothing, record or key, when the settings file cannot be written', async () => {
    const real = openConfStore(dir, 'settings');
    const store: SettingsStore = {
      get path() {
        return real.path;
      },
      get: (key) => real.get(key),
      delete: (key) => real.delete(key),
      set: (key, v) => {
        if (key === SECRETS_KEY) throw new Error('ENOSPC: no space left on device');
        real.set(key, v);
      },
    };
    const { repository } = open({ store });
    const key = value(await repository.prepareKey(prod.id, KEY));
    const result = repository.save(prod, key);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain(real.path);
    expect(real.get(CONNECTIONS_KEY)).toBeUndefined();
    expect(open().repository.all()).toEqual([]);
  });

  it('removes a record together with its key', async () => {
    const { repository, store } = open();
    await saveProd(repository);
    value(repository.remove(prod.id));
    expect(repository.find(prod.id)).toBeUndefined();
    expect(repository.keyStorage(prod.id)).toBe('none');
    expect(store.get(SECRETS_KEY)).toEqual({});
  });

  it('takes a record from before the key origin was kept as bound to the endpoint stored there', async () => {
    const store = openConfStore(dir, 'settings');
    store.set(CONNECTIONS_KEY, [{ id: 'old-1', name: 'Old', endpoint: `${PROD_ORIGIN}/path/` }]);
    value(await createSecretVault({ store, cipher: keyFile }).setSecret('connection:old-1', KEY));
    const { repository } = open({ store });
    const record = repository.find('old-1');
    expect(record?.keyOrigin).toBe(PROD_ORIGIN);
    expect(await repository.keyFor(record!, PROD_ORIGIN)).toEqual(ok(KEY));
    expect(await repository.keyFor(record!, 'https://attacker.example')).toMatchObject({
      ok: false,
      error: { kind: 'keyUnavailable' },
    });
  });
});

describe('a saved key, given out', () => {
  it('only for its own origin, without asking the keychain otherwise', async () => {
    let decrypted = 0;
    const counting: SecretCipher = {
      ...keyFile,
      decrypt: (text) => {
        decrypted++;
        return keyFile.decrypt(text);
      },
    };
    await saveProd(open().repository);
    const { repository } = open({ cipher: counting });
    const record = repository.find(prod.id)!;
    const message = `The subscription key was saved for ${PROD_ORIGIN}. Type the key again to use it with https://attacker.example.`;
    expect(await repository.keyFor(record, 'https://attacker.example/datasets')).toEqual({
      ok: false,
      error: { kind: 'keyUnavailable', message, details: [{ field: 'key', message }] },
    });
    expect(decrypted).toBe(0);
    expect(await repository.keyFor(record, `${PROD_ORIGIN}/other`)).toEqual(ok(KEY));
    expect(decrypted).toBe(1);
  });

  it('says why there is none: kept for the session only, or never saved', async () => {
    const { repository } = open();
    await saveProd(repository, true);
    value(repository.save({ ...prod, id: 'nokey-1', name: 'No key' }));

    const { repository: afterRestart } = open();
    const sessionOnly = await afterRestart.keyFor(afterRestart.find(prod.id)!, PROD_ORIGIN);
    expect(sessionOnly).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!sessionOnly.ok) {
      expect(sessionOnly.error.message).toMatch(/"Production" was kept for the session only/);
    }
    const none = await afterRestart.keyFor(afterRestart.find('nokey-1')!, PROD_ORIGIN);
    expect(none).toMatchObject({
      ok: false,
      error: {
        kind: 'keyUnavailable',
        message: expect.stringMatching(/^No key is saved for "No key"/),
      },
    });
  });

  it('says which connection cannot be used when its key cannot be decrypted', async () => {
    const { repository, store } = open();
    await saveProd(repository);
    store.set(SECRETS_KEY, {
      [connectionSecretId(prod.id)]: 'keyfile:v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    const result = await repository.keyFor(repository.find(prod.id)!, PROD_ORIGIN);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Cannot use the connection "Production"\./);
    }
  });
});
