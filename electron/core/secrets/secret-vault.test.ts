import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/ipc/errors';
import type { SettingsStore } from '../settings/settings-store';
import type { SecretCipher } from './secret-cipher';
import { createSecretVault, SECRETS_KEY } from './secret-vault';

function memoryStore(initial: Record<string, unknown> = {}): SettingsStore & {
  data: Record<string, unknown>;
} {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    path: '/virtual/settings.json',
    get: (key) => structuredClone(data[key]),
    set: (key, value) => void (data[key] = structuredClone(value)),
    delete: (key) => void delete data[key],
  };
}

/** Reversible and visibly not plain text. */
const hexCipher: SecretCipher = {
  info: { kind: 'keyFile', persistent: true },
  async encrypt(plain) {
    return ok(`enc:${Buffer.from(plain).toString('hex')}`);
  },
  async decrypt(stored) {
    if (!stored.startsWith('enc:')) {
      return fail({ kind: 'keyUnavailable', message: 'Enter the key again.' });
    }
    return ok({ value: Buffer.from(stored.slice(4), 'hex').toString() });
  },
};

describe('secret vault', () => {
  it('keeps a session-only value in memory and removes the saved one it replaces', async () => {
    const store = memoryStore();
    const vault = createSecretVault({ store, cipher: hexCipher });
    await vault.setSecret('connection:1', 'saved-key');
    expect(store.data[SECRETS_KEY]).toHaveProperty(['connection:1']);

    expect(await vault.setSecret('connection:1', 'session-key', { sessionOnly: true })).toEqual(
      ok({ storage: 'session' }),
    );
    expect(store.data[SECRETS_KEY]).toEqual({});
    expect(await vault.getSecret('connection:1')).toEqual(ok('session-key'));
    expect(vault.storageOf('connection:1')).toBe('session');

    const afterRestart = createSecretVault({ store, cipher: hexCipher });
    expect(afterRestart.hasSecret('connection:1')).toBe(false);
    expect((await afterRestart.getSecret('connection:1')).ok).toBe(false);
  });

  it('saves a value that replaces a session-only one, and forgets the session copy', async () => {
    const store = memoryStore();
    const vault = createSecretVault({ store, cipher: hexCipher });
    await vault.setSecret('draft:7:sas', 'old', { sessionOnly: true });
    await vault.setSecret('draft:7:sas', 'new');
    expect(vault.storageOf('draft:7:sas')).toBe('persistent');
    expect(await createSecretVault({ store, cipher: hexCipher }).getSecret('draft:7:sas')).toEqual(
      ok('new'),
    );
  });

  it('deletes a secret wherever it is kept', async () => {
    const store = memoryStore();
    const vault = createSecretVault({ store, cipher: hexCipher });
    await vault.setSecret('a', '1');
    await vault.setSecret('b', '2', { sessionOnly: true });
    vault.deleteSecret('a');
    vault.deleteSecret('b');
    expect([vault.hasSecret('a'), vault.hasSecret('b')]).toEqual([false, false]);
    expect(store.data[SECRETS_KEY]).toEqual({});
  });

  it('leaves the saved value in place when encryption fails', async () => {
    const store = memoryStore();
    await createSecretVault({ store, cipher: hexCipher }).setSecret('a', 'kept');
    const failing: SecretCipher = {
      ...hexCipher,
      encrypt: async () => fail({ kind: 'keyUnavailable', message: 'Keychain locked.' }),
    };
    const vault = createSecretVault({ store, cipher: failing });
    const result = await vault.setSecret('a', 'lost?');
    expect(result).toEqual(fail({ kind: 'keyUnavailable', message: 'Keychain locked.' }));
    expect(await vault.getSecret('a')).toEqual(ok('kept'));
  });

  it('survives a damaged secrets map, says so once, and keeps unreadable entries', async () => {
    const notices: string[] = [];
    const store = memoryStore({ [SECRETS_KEY]: { good: 'enc:6f6b', bad: 42 } });
    const vault = createSecretVault({ store, cipher: hexCipher, onNotice: (m) => notices.push(m) });
    expect(await vault.getSecret('good')).toEqual(ok('ok'));
    expect(vault.hasSecret('bad')).toBe(false);
    await vault.setSecret('new', 'x');
    expect(store.data[SECRETS_KEY]).toMatchObject({ bad: 42 });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('/virtual/settings.json');

    const broken = createSecretVault({
      store: memoryStore({ [SECRETS_KEY]: 'not a map' }),
      cipher: hexCipher,
      onNotice: (m) => notices.push(m),
    });
    expect((await broken.getSecret('good')).ok).toBe(false);
    expect(notices).toHaveLength(2);
  });

  it('treats an id such as __proto__ as just an id', async () => {
    const store = memoryStore();
    const vault = createSecretVault({ store, cipher: hexCipher });
    await vault.setSecret('__proto__', 'v');
    expect(await createSecretVault({ store, cipher: hexCipher }).getSecret('__proto__')).toEqual(
      ok('v'),
    );
  });
});
