import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createConnectionsRepository } from '../connections/connections-repository';
import { createConnectionsService } from '../connections/connections-service';
import { openConfStore } from '../settings/settings-store';
import { createKeyFileCipher } from './key-file-cipher';
import { createSecretVault } from './secret-vault';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-at-rest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function everyFile(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The forms a careless write could leave a secret in. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ];
}

it('never writes a key or SAS token to any file in plain text or plain encodings', async () => {
  const secrets = {
    persisted: 'KEY-PERSISTED-7f3a9c1e5b2d4f60',
    renamedKeepsKey: 'KEY-SECOND-0c8e2b4d6f1a3957',
    sessionOnly: 'KEY-SESSION-ONLY-5e7a9b1c3d2f4860',
    replaced: 'KEY-REPLACED-later-1a2b3c4d5e6f',
    sas: 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&sig=SECRETsig%2Bvalue%3D',
  };
  const cipher = await createKeyFileCipher(dir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const store = openConfStore(dir, 'settings');
  const vault = createSecretVault({ store, cipher: cipher.value });
  const connections = createConnectionsService({
    repository: createConnectionsRepository({ store, vault }),
    builtIns: [
      {
        id: 'local-emulator',
        name: 'Local emulator',
        endpoint: 'http://127.0.0.1:5181',
        key: 'KEY-BUILTIN-9d8c7b6a5f4e',
      },
    ],
  });

  const first = await connections.add({
    name: 'Production',
    endpoint: 'https://prod.cognitiveservices.azure.com/',
    key: secrets.replaced,
  });
  if (!first.ok) throw new Error(first.error.message);
  await connections.update({ id: first.value.id, key: secrets.persisted });
  const second = await connections.add({
    name: 'Staging',
    endpoint: 'https://staging.cognitiveservices.azure.com',
    key: secrets.renamedKeepsKey,
  });
  if (!second.ok) throw new Error(second.error.message);
  await connections.update({ id: second.value.id, name: 'Staging (EU)' });
  await connections.add({
    name: 'Laptop only',
    endpoint: 'https://laptop.cognitiveservices.azure.com',
    key: secrets.sessionOnly,
    sessionOnly: true,
  });
  await vault.setSecret('draft:42:sas', secrets.sas);

  // Every secret is still usable, so the check below is not passing because nothing was saved.
  const reopened = createSecretVault({
    store: openConfStore(dir, 'settings'),
    cipher: cipher.value,
  });
  expect(await reopened.getSecret(`connection:${first.value.id}`)).toEqual({
    ok: true,
    value: secrets.persisted,
  });
  expect(await reopened.getSecret('draft:42:sas')).toEqual({ ok: true, value: secrets.sas });

  const files = everyFile(dir);
  expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['secret.key', 'settings.json']);
  for (const file of files) {
    const bytes = readFileSync(file);
    const texts = [bytes.toString('utf8'), bytes.toString('latin1')];
    for (const secret of [...Object.values(secrets), 'KEY-BUILTIN-9d8c7b6a5f4e', 'SECRETsig']) {
      for (const form of encodings(secret)) {
        for (const text of texts) expect(text, `${file} holds ${secret}`).not.toContain(form);
      }
    }
  }
});
