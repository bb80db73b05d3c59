import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../../shared/contract/endpoint';
import type { ConnectionSummary, RequestOf } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { createDraftsService } from '../drafts/drafts-service';
import { createHandlers } from '../handlers';
import { createDispatcher } from '../ipc/dispatcher';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import type { SecretCipher } from '../secrets/secret-cipher';
import { createSecretVault, SECRETS_KEY } from '../secrets/secret-vault';
import type { SecretVault } from '../secrets/secret-vault';
import { openConfStore } from '../settings/settings-store';
import type { SettingsStore } from '../settings/settings-store';
import {
  CONNECTIONS_KEY,
  connectionSecretId,
  createConnectionsRepository,
} from './connections-repository';
import { createConnectionsService } from './connections-service';
import type { BuiltInConnection, ConnectionsService } from './connections-service';

let dir: string;
let keyFile: SecretCipher;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-connections-'));
  const cipher = await createKeyFileCipher(dir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  keyFile = cipher.value;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const emulator: BuiltInConnection = {
  id: 'local-emulator',
  name: 'Local emulator',
  endpoint: 'http://127.0.0.1:49152/',
  key: 'emulator-key-for-this-run',
};

/**
 * What the page can ask, the way it asks in the app: through the dispatcher, which checks each
 * request against the IPC contract before the service sees it.
 */
function pageOf(service: ConnectionsService, vault: SecretVault) {
  const dispatch = createDispatcher(
    createHandlers({
      connections: service,
      drafts: createDraftsService({ store: openConfStore(dir, 'drafts'), vault }),
      makeClient: () => {
        throw new Error('These tests reach no datasets service.');
      },
      appInfo: () => {
        throw new Error('These tests do not ask for it.');
      },
    }),
  );
  return {
    add: (request: RequestOf<'connections:add'>) =>
      dispatch('connections:add', request) as Promise<Result<ConnectionSummary>>,
    update: (request: RequestOf<'connections:update'>) =>
      dispatch('connections:update', request) as Promise<Result<ConnectionSummary>>,
    remove: (id: string) => dispatch('connections:remove', { id }) as Promise<Result<null>>,
  };
}

/** A fresh app start on the same data folder. */
function start(options: { store?: SettingsStore; cipher?: SecretCipher } = {}) {
  const store = options.store ?? openConfStore(dir, 'settings');
  const vault = createSecretVault({ store, cipher: options.cipher ?? keyFile });
  const repository = createConnectionsRepository({ store, vault });
  const service = createConnectionsService({ repository, builtIns: [emulator] });
  return { store, vault, service, page: pageOf(service, vault) };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const prod = {
  name: 'Production',
  endpoint: 'https://prod.cognitiveservices.azure.com/',
  key: 'prod-key-AAAA1111',
};

describe('connections', () => {
  it('adds a connection, lists it after the built-in one, and gives main its credentials', async () => {
    const { page } = start();
    const added = value(await page.add(prod));
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Production',
      endpoint: 'https://prod.cognitiveservices.azure.com',
      hasKey: true,
      builtIn: false,
      keyStorage: 'persistent',
    });

    const { service: afterRestart } = start();
    expect(afterRestart.list()).toEqual([
      {
        id: 'local-emulator',
        name: 'Local emulator',
        endpoint: 'http://127.0.0.1:49152',
        hasKey: true,
        builtIn: true,
        keyStorage: 'session',
      },
      added,
    ]);
    expect(await afterRestart.getCredentials(added.id)).toEqual(
      ok({
        endpoint: 'https://prod.cognitiveservices.azure.com',
        key: 'prod-key-AAAA1111',
        destination: 'https://prod.cognitiveservices.azure.com',
      }),
    );
  });

  it('lists saved connections by name, whatever the case or the order they were added', async () => {
    const { service, page } = start();
    for (const name of ['zeta', 'Alpha', 'beta 10', 'beta 9']) {
      value(await page.add({ ...prod, name }));
    }
    expect(service.list().map((c) => c.name)).toEqual([
      'Local emulator',
      'Alpha',
      'beta 9',
      'beta 10',
      'zeta',
    ]);
  });

  it('never puts a key in the list', async () => {
    const { service, page } = start();
    value(await page.add(prod));
    value(await page.add({ ...prod, name: 'Session', key: 'session-key-ZZZ', sessionOnly: true }));
    const json = JSON.stringify(service.list());
    for (const key of [prod.key, 'session-key-ZZZ', emulator.key]) expect(json).not.toContain(key);
  });

  it('updates the name and the path of the endpoint and keeps the saved key when none is given', async () => {
    const { page } = start();
    const { id } = value(await page.add(prod));
    const updated = value(
      await page.update({
        id,
        name: '  Prod (EU) ',
        endpoint: 'https://PROD.cognitiveservices.azure.com:443/vision//',
      }),
    );
    expect(updated).toMatchObject({
      name: 'Prod (EU)',
      endpoint: 'https://prod.cognitiveservices.azure.com/vision',
      keyStorage: 'persistent',
    });
    expect(value(await start().service.getCredentials(id))).toEqual({
      endpoint: 'https://prod.cognitiveservices.azure.com/vision',
      key: prod.key,
      destination: 'https://prod.cognitiveservices.azure.com',
    });
  });

  it('replaces the key when a new one is given', async () => {
    const { page } = start();
    const { id } = value(await page.add(prod));
    value(await page.update({ id, key: 'new-key-BBBB2222' }));
    expect(value(await start().service.getCredentials(id)).key).toBe('new-key-BBBB2222');
  });

  it('removes a connection together with its saved key', async () => {
    const { service, vault, store, page } = start();
    const { id } = value(await page.add(prod));
    expect(await page.remove(id)).toEqual(ok(null));
    expect(service.list().map((c) => c.id)).toEqual(['local-emulator']);
    expect(vault.hasSecret(connectionSecretId(id))).toBe(false);
    expect(store.get(SECRETS_KEY)).toEqual({});
    expect(await service.getCredentials(id)).toMatchObject({
      ok: false,
      error: { kind: 'unknownConnection' },
    });
  });

  it('refuses a second connection with the same name, whatever the case', async () => {
    const { service, page } = start();
    const { id } = value(await page.add(prod));
    const other = value(await page.add({ ...prod, name: 'Staging' }));

    for (const attempt of [
      page.add({ ...prod, name: 'PRODUCTION' }),
      page.add({ ...prod, name: 'local EMULATOR' }),
      page.update({ id: other.id, name: 'production ' }),
    ]) {
      const result = await attempt;
      expect(result).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
      if (!result.ok) expect(result.error.message).toMatch(/already exists/);
    }
    // Its own name, in another case, is not a clash.
    expect(value(await page.update({ id, name: 'PRODUCTION' })).name).toBe('PRODUCTION');
    expect(service.list()).toHaveLength(3);
  });

  it('refuses the same name added twice at once', async () => {
    const { service, page } = start();
    const results = await Promise.all([page.add(prod), page.add(prod)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(service.list()).toHaveLength(2);
  });

  it('refuses the same name given to two connections at once', async () => {
    const { service, page } = start();
    const a = value(await page.add({ ...prod, name: 'A' }));
    const b = value(await page.add({ ...prod, name: 'B' }));
    // Each with a new key, so each waits on encryption before it saves.
    const results = await Promise.all([
      page.update({ id: a.id, name: 'Same', key: 'key-a-1111' }),
      page.update({ id: b.id, name: 'same', key: 'key-b-2222' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(service.list().filter((c) => c.name.toLowerCase() === 'same')).toHaveLength(1);
  });

  it('keeps a connection removed while an update was encrypting its key removed, key and all', async () => {
    const { service, store, page } = start();
    const { id } = value(await page.add(prod));
    await Promise.all([page.update({ id, key: 'new-key-BBBB2222' }), page.remove(id)]);
    expect(service.list().map((c) => c.id)).toEqual(['local-emulator']);
    expect(store.get(SECRETS_KEY)).toEqual({});
    expect(await start().service.getCredentials(id)).toMatchObject({
      ok: false,
      error: { kind: 'unknownConnection' },
    });
  });

  it('answers unknownConnection for an id it does not know', async () => {
    const { service, page } = start();
    const unknown = { ok: false, error: { kind: 'unknownConnection' } };
    expect(await page.update({ id: 'nope', name: 'x' })).toMatchObject(unknown);
    expect(await page.remove('nope')).toMatchObject(unknown);
    expect(await service.getCredentials('nope')).toMatchObject(unknown);
  });

  it('refuses to change or remove the built-in connection, and gives its credentials', async () => {
    const { service, page } = start();
    for (const result of [
      await page.update({ id: 'local-emulator', name: 'Mine' }),
      await page.remove('local-emulator'),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
      if (!result.ok)
        expect(result.error.message).toMatch(/"Local emulator" is built into the app/);
    }
    expect(value(await service.getCredentials('local-emulator')).key).toBe(emulator.key);
  });

  it('refuses an unusable endpoint with the message the form shows', async () => {
    const { service, page } = start();
    for (const endpoint of ['http://example.com', 'https://x.example.com/?a=1', 'not a url']) {
      const expected = checkEndpoint(endpoint);
      if (expected.ok) throw new Error(`${endpoint} should be refused`);
      expect(await page.add({ ...prod, endpoint })).toMatchObject({
        ok: false,
        error: { kind: 'badRequest', details: [{ field: 'endpoint', message: expected.message }] },
      });
    }
    const { id } = value(await page.add(prod));
    expect(await page.update({ id, endpoint: 'ftp://x' })).toMatchObject({
      ok: false,
      error: { kind: 'badRequest' },
    });
    expect(service.list()).toHaveLength(2);
  });

  it('refuses a key with spaces and an empty name', async () => {
    const { service, page } = start();
    expect(await page.add({ ...prod, key: 'two words' })).toMatchObject({
      ok: false,
      error: { kind: 'badRequest', details: [{ field: 'key' }] },
    });
    expect(await page.add({ ...prod, name: '   ' })).toMatchObject({
      ok: false,
      error: { kind: 'badRequest', details: [{ field: 'name', message: 'Name is required.' }] },
    });
    expect(service.list()).toHaveLength(1);
  });

  it('keeps a session-only key out of the store and says it is gone after a restart', async () => {
    const { service, store, page } = start();
    const added = value(await page.add({ ...prod, sessionOnly: true }));
    expect(added.keyStorage).toBe('session');
    expect(store.get(SECRETS_KEY)).toBeUndefined();
    expect(value(await service.getCredentials(added.id)).key).toBe(prod.key);

    const { service: afterRestart } = start();
    expect(afterRestart.list()[1]).toMatchObject({ hasKey: false, keyStorage: 'none' });
    const result = await afterRestart.getCredentials(added.id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/session only.*enter the key again/);
  });

  it('moves the saved key between disk and memory when only "session only" changes', async () => {
    const { store, page } = start();
    const { id } = value(await page.add(prod));
    expect(value(await page.update({ id, sessionOnly: true })).keyStorage).toBe('session');
    expect(store.get(SECRETS_KEY)).toEqual({});
    expect(value(await page.update({ id, sessionOnly: false })).keyStorage).toBe('persistent');
    expect(value(await start().service.getCredentials(id)).key).toBe(prod.key);
  });

  it('without a keyring, still adds the connection, keeping the key for the session', async () => {
    const sessionCipher: SecretCipher = {
      info: { kind: 'basicText', persistent: false, notice: 'No keyring.' },
      encrypt: async () => {
        throw new Error('must not be called');
      },
      decrypt: async () => fail({ kind: 'keyUnavailable', message: 'No keyring.' }),
    };
    const { service, store, page } = start({ cipher: sessionCipher });
    const added = value(await page.add(prod));
    expect(added).toMatchObject({ hasKey: true, keyStorage: 'session' });
    expect(store.get(SECRETS_KEY)).toBeUndefined();
    expect(value(await service.getCredentials(added.id)).key).toBe(prod.key);
  });

  it('saves nothing when the key cannot be encrypted, and says why', async () => {
    const refusing: SecretCipher = {
      ...keyFile,
      encrypt: async () => fail({ kind: 'keyUnavailable', message: 'The keychain refused.' }),
    };
    const { service, store, page } = start({ cipher: refusing });
    const result = await page.add(prod);
    expect(result).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    if (!result.ok)
      expect(result.error.message).toMatch(/The keychain refused\. Nothing was saved/);
    expect(service.list()).toHaveLength(1);
    expect(store.get(CONNECTIONS_KEY)).toBeUndefined();
  });

  it('keeps the old key and name when an update cannot encrypt the new key', async () => {
    const { page } = start();
    const { id } = value(await page.add(prod));
    const refusing: SecretCipher = {
      ...keyFile,
      encrypt: async () => fail({ kind: 'keyUnavailable', message: 'The keychain refused.' }),
    };
    const { service: failing, page: failingPage } = start({ cipher: refusing });
    expect((await failingPage.update({ id, name: 'Renamed', key: 'new-key' })).ok).toBe(false);
    expect(failing.list()[1]?.name).toBe('Production');
    expect(value(await failing.getCredentials(id)).key).toBe(prod.key);
  });
});

describe('a saved key and the origin it was saved for', () => {
  const refusal = (savedFor: string, wanted: string) => {
    const message = `The subscription key was saved for ${savedFor}. Type the key again to use it with ${wanted}.`;
    return {
      ok: false,
      error: { kind: 'keyUnavailable', message, details: [{ field: 'key', message }] },
    };
  };
  const PROD_ORIGIN = 'https://prod.cognitiveservices.azure.com';

  it('refuses to move a saved key to another origin, and leaves the connection as it was', async () => {
    const { store, page } = start();
    const { id } = value(await page.add(prod));
    const before = store.get(CONNECTIONS_KEY);
    for (const [endpoint, origin] of [
      ['https://attacker.example/', 'https://attacker.example'],
      ['https://prod.cognitiveservices.azure.com:8443', `${PROD_ORIGIN}:8443`],
      ['http://127.0.0.1:9', 'http://127.0.0.1:9'],
    ] as const) {
      expect(await page.update({ id, name: 'Moved', endpoint })).toEqual(
        refusal(PROD_ORIGIN, origin),
      );
      // Nor by toggling where the key is kept at the same time.
      expect(await page.update({ id, endpoint, sessionOnly: true })).toEqual(
        refusal(PROD_ORIGIN, origin),
      );
    }
    expect(store.get(CONNECTIONS_KEY)).toEqual(before);
    expect(value(await start().service.getCredentials(id))).toMatchObject({
      endpoint: PROD_ORIGIN,
      key: prod.key,
    });
  });

  it('moves to another origin with the key typed again, which then goes there and nowhere else', async () => {
    const { page } = start();
    const { id } = value(await page.add(prod));
    const moved = value(
      await page.update({ id, endpoint: 'https://eu.example.com/', key: 'eu-key-CCCC3333' }),
    );
    expect(moved).toMatchObject({ endpoint: 'https://eu.example.com', hasKey: true });
    const { service: afterRestart, page: afterRestartPage } = start();
    expect(value(await afterRestart.getCredentials(id))).toEqual({
      endpoint: 'https://eu.example.com',
      key: 'eu-key-CCCC3333',
      destination: 'https://eu.example.com',
    });
    // The new key does not follow the connection back either.
    expect(await afterRestartPage.update({ id, endpoint: prod.endpoint })).toEqual(
      refusal('https://eu.example.com', PROD_ORIGIN),
    );
    expect(await afterRestart.getCredentials(id, { endpoint: prod.endpoint })).toEqual(
      refusal('https://eu.example.com', PROD_ORIGIN),
    );
  });

  it('gives the saved key for a typed endpoint only on its own origin', async () => {
    const { service, page } = start();
    const { id } = value(await page.add(prod));
    expect(await service.getCredentials(id, { endpoint: 'https://attacker.example' })).toEqual(
      refusal(PROD_ORIGIN, 'https://attacker.example'),
    );
    expect(value(await service.getCredentials(id, { endpoint: `${PROD_ORIGIN}/other/` }))).toEqual({
      endpoint: `${PROD_ORIGIN}/other`,
      key: prod.key,
      destination: PROD_ORIGIN,
    });
    // A key the form holds is the page's own to send: the saved one is not read.
    expect(
      value(
        await service.getCredentials(id, {
          endpoint: 'https://attacker.example',
          key: 'typed-key-DDDD4444',
        }),
      ),
    ).toMatchObject({ endpoint: 'https://attacker.example', key: 'typed-key-DDDD4444' });
    // The built-in key stays with the built-in emulator.
    expect(
      await service.getCredentials('local-emulator', { endpoint: 'http://127.0.0.1:9' }),
    ).toEqual(refusal('http://127.0.0.1:49152', 'http://127.0.0.1:9'));
  });

  it('moves a connection that has no key freely, and binds the key typed later to the new origin', async () => {
    const { page } = start();
    const { id } = value(await page.add({ ...prod, sessionOnly: true }));
    const { service: afterRestart, page: afterRestartPage } = start();
    expect(afterRestart.list()[1]).toMatchObject({ hasKey: false });
    value(await afterRestartPage.update({ id, endpoint: 'https://eu.example.com' }));
    value(await afterRestartPage.update({ id, key: 'eu-key-CCCC3333' }));
    expect(value(await afterRestart.getCredentials(id))).toMatchObject({
      endpoint: 'https://eu.example.com',
      key: 'eu-key-CCCC3333',
    });
  });

  it('takes a settings file from before the key origin was kept as the endpoint stored there', async () => {
    const store = openConfStore(dir, 'settings');
    const { vault } = start({ store });
    store.set(CONNECTIONS_KEY, [{ id: 'old-1', name: 'Old', endpoint: `${PROD_ORIGIN}/` }]);
    value(await vault.setSecret(connectionSecretId('old-1'), prod.key));
    const { service, page } = start({ store });
    expect(value(await service.getCredentials('old-1')).key).toBe(prod.key);
    expect(await page.update({ id: 'old-1', endpoint: 'https://attacker.example' })).toEqual(
      refusal(PROD_ORIGIN, 'https://attacker.example'),
    );
  });

  it('refuses a saved key whose record was edited by hand to point elsewhere', async () => {
    const { store, page } = start();
    const { id } = value(await page.add(prod));
    const [record] = store.get(CONNECTIONS_KEY) as Record<string, unknown>[];
    store.set(CONNECTIONS_KEY, [{ ...record, endpoint: 'https://attacker.example' }]);
    expect(await start({ store }).service.getCredentials(id)).toEqual(
      refusal(PROD_ORIGIN, 'https://attacker.example'),
    );
  });

  it('names where a SAS token typed now may go: the origin, or the built-in connection itself', async () => {
    const { service, page } = start();
    const { id } = value(await page.add({ ...prod, endpoint: `${PROD_ORIGIN}/path` }));
    expect(service.destinationOf(id)).toEqual(ok(PROD_ORIGIN));
    // Its port changes at every start, and drafts typed for it must survive a restart.
    expect(service.destinationOf('local-emulator')).toEqual(ok('built-in:local-emulator'));
    expect(service.destinationOf('nope')).toMatchObject({
      ok: false,
      error: { kind: 'unknownConnection' },
    });
  });
});
