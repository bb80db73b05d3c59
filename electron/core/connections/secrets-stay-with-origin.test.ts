import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/server';
import type { RunningEmulator } from '../../../emulator/server';
import { SUBSCRIPTION_KEY_HEADER } from '../../../shared/contract/limits';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { ConnectionSummary } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { createAppServices } from '../app-services';
import type { AppServices } from '../app-services';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import { openConfStore } from '../settings/settings-store';

/*
 * The page chooses endpoints; main holds the keys and the drafts' SAS tokens. Through the real
 * handler table, with every request the app sends recorded: a saved key goes only to the origin
 * it was saved for, and a draft's token only to the dataset, connection and origin it was typed
 * for. Two real services stand for the user's resource (A) and a server the page picked (B).
 */

const KEY_A = 'key-of-A-1111';
const KEY_B = 'key-of-B-2222';
const DRAFT_TOKEN = 'sv=2022-11-02&sp=rl&sig=DRAFTTOKEN0123456789';
const DATASET = 'flowers-classification';
const OTHER_DATASET = 'retail-shelf-products';

interface Sent {
  origin: string;
  key: string | null;
  /** URL, headers and body: wherever a secret could travel. */
  text: string;
}

let dataDir: string;
let a: RunningEmulator;
let b: RunningEmulator;
let services: AppServices;
let sent: Sent[];

const recordingFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const headers = new Headers(init?.headers);
  const body = typeof init?.body === 'string' ? init.body : '';
  sent.push({
    origin: new URL(url).origin,
    key: headers.get(SUBSCRIPTION_KEY_HEADER),
    text: `${url}\n${JSON.stringify([...headers])}\n${body}`,
  });
  return fetch(input, init);
};

beforeEach(async () => {
  sent = [];
  dataDir = mkdtempSync(join(tmpdir(), 'dm-secret-origins-'));
  [a, b] = await Promise.all([
    startEmulator({ key: KEY_A, seed: true }),
    startEmulator({ key: KEY_B, seed: true }),
  ]);
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  services = await createAppServices({
    mode: 'browser',
    version: '0',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: recordingFetch,
  });
});

afterEach(async () => {
  await Promise.all([services.close(), a.close(), b.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown): Promise<Result<T>> {
  return (await services.dispatch(channel, payload)) as Result<T>;
}

async function value<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const origin = (server: RunningEmulator) => new URL(server.url).origin;

function refusedFor(savedFor: RunningEmulator, wanted: RunningEmulator) {
  const message = `The subscription key was saved for ${origin(savedFor)}. Type the key again to use it with ${origin(wanted)}.`;
  return {
    ok: false,
    error: { kind: 'keyUnavailable', message, details: [{ field: 'key', message }] },
  };
}

const addConnection = (name: string, server: RunningEmulator, key: string) =>
  value(call<ConnectionSummary>('connections:add', { name, endpoint: server.url, key }));

/** A save that asks main for the SAS token kept with the draft. */
async function saveWithDraftToken(connectionId: string, name: string) {
  return call<RedactedDataset>('datasets:update', {
    connectionId,
    name,
    ifMatch: '*',
    changes: { authentication: { kind: 'sas' } },
    useDraftSasToken: true,
  });
}

describe('a saved key goes only to the origin it was saved for', () => {
  it('a test against another endpoint without the key: a clear error, and no request at all', async () => {
    const { id } = await addConnection('A', a, KEY_A);
    expect(await call('connections:test', { id, endpoint: b.url })).toEqual(refusedFor(a, b));
    expect(sent).toEqual([]);
    // The same origin on another path keeps the key, and the typed key goes where it was typed.
    await value(call('connections:test', { id, endpoint: `${a.url}/` }));
    await value(call('connections:test', { id, endpoint: b.url, key: KEY_B }));
    expect(sent.map((s) => [s.origin, s.key])).toEqual([
      [origin(a), KEY_A],
      [origin(b), KEY_B],
    ]);
  });

  it('an update to another origin without the key is refused and changes nothing', async () => {
    const { id } = await addConnection('A', a, KEY_A);
    expect(await call('connections:update', { id, name: 'Moved', endpoint: b.url })).toEqual(
      refusedFor(a, b),
    );
    expect(await value(call('connections:list', {}))).toContainEqual(
      expect.objectContaining({ id, name: 'A', endpoint: a.url, hasKey: true }),
    );
    await value(call('datasets:get', { connectionId: id, name: DATASET }));
    expect(sent.map((s) => [s.origin, s.key])).toEqual([[origin(a), KEY_A]]);
  });

  it('an update to another origin with the key typed again: later calls send the new key there only', async () => {
    const { id } = await addConnection('A', a, KEY_A);
    await value(call('connections:update', { id, endpoint: b.url, key: KEY_B }));
    const loaded = await value(
      call<RedactedDataset>('datasets:get', { connectionId: id, name: DATASET }),
    );
    await value(
      call('datasets:update', {
        connectionId: id,
        name: DATASET,
        ifMatch: loaded.eTag,
        changes: { customProperties: { moved: 'yes' } },
      }),
    );
    await value(call('connections:test', { id }));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const request of sent) {
      expect([request.origin, request.key]).toEqual([origin(b), KEY_B]);
      expect(request.text).not.toContain(KEY_A);
    }
  });
});

describe("a draft's SAS token goes only where it was typed for", () => {
  it('not to another dataset, not to another connection, and not after its connection moved', async () => {
    const { id } = await addConnection('A', a, KEY_A);
    const other = await addConnection('B', b, KEY_B);
    const draft = { connectionId: id, datasetName: DATASET, base: null, values: {} };
    await value(call('drafts:save', { ...draft, sasToken: DRAFT_TOKEN }));

    const refused = { ok: false, error: { kind: 'keyUnavailable' } };
    expect(await saveWithDraftToken(id, OTHER_DATASET)).toMatchObject(refused);
    expect(await saveWithDraftToken(other.id, DATASET)).toMatchObject(refused);

    // The page moves the connection, typing a key that B accepts, and asks for the token.
    await value(call('connections:update', { id, endpoint: b.url, key: KEY_B }));
    const moved = await saveWithDraftToken(id, DATASET);
    expect(moved).toMatchObject(refused);
    if (!moved.ok) expect(moved.error.message).toMatch(/pointed elsewhere.*Type it again/);
    // Autosaves of the draft after the move do not carry the token along.
    await value(call('drafts:save', { ...draft, values: { edited: true } }));
    expect(await saveWithDraftToken(id, DATASET)).toMatchObject(refused);
    expect(sent.filter((s) => s.text.includes('DRAFTTOKEN'))).toEqual([]);

    // Back where it was typed (with A's key typed again), the token is used: the check can pass.
    await value(call('connections:update', { id, endpoint: a.url, key: KEY_A }));
    await value(saveWithDraftToken(id, DATASET));
    expect(sent.filter((s) => s.text.includes('DRAFTTOKEN')).map((s) => s.origin)).toEqual([
      origin(a),
    ]);
  });

  it("a new dataset's draft token is not registered on another origin", async () => {
    const { id } = await addConnection('A', a, KEY_A);
    await value(
      call('drafts:save', {
        connectionId: id,
        datasetName: null,
        base: null,
        values: {},
        sasToken: DRAFT_TOKEN,
      }),
    );
    await value(call('connections:update', { id, endpoint: b.url, key: KEY_B }));
    const register = (connectionId: string) =>
      call('datasets:register', {
        connectionId,
        name: 'brand-new',
        fields: {
          annotationKind: 'imageClassification',
          annotationFileUris: ['https://x.blob.core.windows.net/c/a.json'],
          authentication: { kind: 'sas' },
        },
        useDraftSasToken: true,
      });
    expect(await register(id)).toMatchObject({ ok: false, error: { kind: 'keyUnavailable' } });
    expect(sent.filter((s) => s.text.includes('DRAFTTOKEN'))).toEqual([]);

    await value(call('connections:update', { id, endpoint: a.url, key: KEY_A }));
    await value(register(id));
    expect(sent.filter((s) => s.text.includes('DRAFTTOKEN')).map((s) => s.origin)).toEqual([
      origin(a),
    ]);
  });
});
