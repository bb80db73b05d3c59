import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_SAS_TOKEN, SEED_DATASET_NAMES } from '../../../emulator/seed-datasets';
import { ANNOTATION_KINDS, AUTHENTICATION_KINDS } from '../../../shared/contract/dataset';
import type { Dataset } from '../../../shared/contract/dataset';
import { API_VERSION, NAME_PATTERN } from '../../../shared/contract/limits';
import { CHANNELS, ipcContract } from '../../../shared/ipc/contract';
import type { Channel } from '../../../shared/ipc/contract';
import { AppErrorSchema } from '../../../shared/ipc/error-schema';
import { createAppServices } from '../app-services';
import type { AppServices } from '../app-services';
import { createKeyFileCipher } from '../secrets/key-file-cipher';
import { openConfStore } from '../settings/settings-store';

/*
 * The real handler table (browser mode's composition: key-file cipher, conf stores, the
 * embedded emulator) fed arbitrary channels and payloads. Whatever comes in, the answer is a
 * Result the page can use, no handler crashes (that would be an `internal` error), no secret
 * comes back, and no saved key or kept SAS token goes out to an origin it was not meant for
 * (every request the app sends is recorded and checked).
 */

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);
const SEQUENCE_RUNS = Math.max(1, Math.round(RUNS / 10));

let dataDir = '';
let services: AppServices;
let emulatorOrigin = '';
/** Handler crashes the dispatcher reported since the last check. */
const crashes: string[] = [];

/**
 * Every host but the embedded emulator gets a canned answer at once: a random endpoint must
 * neither reach the network nor wait out the client's retries. None of these is retried, and
 * each is something a wrong endpoint might really answer.
 */
const CANNED_ANSWERS: (() => Response)[] = [
  () =>
    Response.json({ error: { code: 'NotFound', message: 'No such resource.' } }, { status: 404 }),
  () => new Response('<html>Welcome</html>', { headers: { 'Content-Type': 'text/html' } }),
  () => Response.json({ value: 'not a list', name: 42 }),
  () => new Response('', { status: 401 }),
];

/** Every request the app sent, in order: where it went, and its URL, headers and body. */
const outgoing: { origin: string; text: string }[] = [];
/** How many of them were checked for secrets sent where they do not belong. */
let checkedRequests = 0;

const guardedFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = typeof init?.body === 'string' ? init.body : '';
  const headers = JSON.stringify([...new Headers(init?.headers)]);
  outgoing.push({ origin: url.origin, text: `${url.href}\n${headers}\n${body}` });
  if (url.origin === emulatorOrigin) return fetch(input, init);
  const hash = [...url.href].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return Promise.resolve(CANNED_ANSWERS[hash % CANNED_ANSWERS.length]!());
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dm-handlers-fuzz-'));
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  services = await createAppServices({
    mode: 'browser',
    version: '0.0.0-fuzz',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: guardedFetch,
    logError: (message, error) =>
      crashes.push(
        `${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  emulatorOrigin = new URL(services.localEmulator!.emulator.url).origin;
  allow(services.localEmulator!.connection.key, emulatorOrigin);
  allow(SAMPLE_SAS_TOKEN_SIGNATURE, emulatorOrigin);
});

afterAll(async () => {
  await services?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  crashes.length = 0;
});

// ---- what the fuzzer learns as it goes, so later payloads name real things -----------------

/** Stand-ins resolved when a payload is sent; no generator produces these strings by chance. */
const REF = {
  local: '\u{1F9EA}local-connection',
  added: '\u{1F9EA}added-connection',
  emulator: '\u{1F9EA}emulator-endpoint',
  listing: '\u{1F9EA}open-listing',
  eTag: '\u{1F9EA}current-etag',
} as const;

const learned = {
  connectionId: 'none-added-yet',
  listingId: 'no-listing-yet',
  eTags: new Map<string, string>(),
};

const REF_VALUES = new Set<unknown>(Object.values(REF));

/** Only a shaped payload holds stand-ins; anything else (a Map, a Date...) is sent untouched. */
function resolveRefs(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const record = payload as Record<string, unknown>;
  if (!Object.values(record).some((value) => REF_VALUES.has(value))) return payload;
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === REF.local) resolved[key] = services.localEmulator!.connection.id;
    else if (value === REF.added) resolved[key] = learned.connectionId;
    else if (value === REF.emulator) resolved[key] = emulatorOrigin;
    else if (value === REF.listing) resolved[key] = learned.listingId;
    else if (value === REF.eTag) {
      const name = record['name'];
      resolved[key] = (typeof name === 'string' && learned.eTags.get(name)) || 'no-etag-known';
    } else resolved[key] = value;
  }
  return resolved;
}

function learnFrom(channel: unknown, result: unknown): void {
  const answer = result as { ok?: boolean; value?: Record<string, unknown> };
  if (answer?.ok !== true || typeof answer.value !== 'object' || answer.value === null) return;
  const value = answer.value;
  if (channel === 'connections:add' && typeof value['id'] === 'string') {
    learned.connectionId = value['id'];
  }
  if (typeof value['listingId'] === 'string' && value['done'] === false) {
    learned.listingId = value['listingId'];
  }
  const datasets = Array.isArray(value['items']) ? value['items'] : [value];
  for (const d of datasets as { name?: unknown; eTag?: unknown }[]) {
    if (typeof d?.name === 'string' && typeof d.eTag === 'string')
      learned.eTags.set(d.name, d.eTag);
  }
}

// ---- payloads ---------------------------------------------------------------------------------

/**
 * What structured clone carries over Electron's IPC, so what a compromised page could send.
 */
const cloneable = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'name', 'key', 'sasToken'),
  ),
});

/** What the browser bridge can carry: JSON, parsed the way the bridge parses it. */
const jsonPayload = fc.json().map((text) => JSON.parse(text) as unknown);

/** Secrets the fuzzer sends, shaped so any echo of one in an answer is unmistakable. */
const SECRET_MARK = 'FUZZSECRET';
const secret = (prefix = '') =>
  fc.stringMatching(/^[A-Za-z0-9]{16}$/).map((s) => `${prefix}${SECRET_MARK}${s}`);
const sasToken = fc.oneof(
  secret('sv=2022-11-02&ss=b&sp=rl&sig='),
  fc.constantFrom('', '?sv=1', 'https://x.blob.core.windows.net/c?sig=1', 'a b'),
  fc.string({ maxLength: 20 }),
);

const datasetName = fc.oneof(
  { arbitrary: fc.constantFrom(...SEED_DATASET_NAMES, 'fuzz-a', 'fuzz-b'), weight: 6 },
  { arbitrary: fc.stringMatching(NAME_PATTERN, { size: 'small' }), weight: 2 },
  {
    arbitrary: fc.integer({ min: 30, max: 255 }).map((n) => `long-${'n'.repeat(n - 5)}`),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('', '..', '.', 'a/b', '%2F', 'x'.repeat(256), '日本'), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
);

const uris = fc.oneof(
  {
    arbitrary: fc.array(fc.webUrl({ validSchemes: ['https', 'http'] }), {
      minLength: 1,
      maxLength: 3,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 20 })), { maxLength: 12 }),
    weight: 1,
  },
);

const authentication = fc.oneof(
  { arbitrary: fc.constantFrom({ kind: 'none' }, { kind: 'managedIdentity' }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('sas'), sasToken }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'sas' }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constantFrom(...AUTHENTICATION_KINDS), sasToken }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.string({ maxLength: 10 }) }), weight: 1 },
);

const customProperties = fc.oneof(
  {
    arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string(), {
      maxKeys: 10,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 12 }),
    weight: 1,
  },
);

const datasetFields = (requiredKeys: ('annotationKind' | 'annotationFileUris')[]) =>
  fc.record(
    {
      annotationKind: fc.oneof(
        { arbitrary: fc.constantFrom(...ANNOTATION_KINDS), weight: 4 },
        { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
      ),
      annotationFileUris: uris,
      authentication,
      customProperties,
    },
    { requiredKeys },
  );

const connectionRef = fc.oneof(
  { arbitrary: fc.constant(REF.local), weight: 6 },
  { arbitrary: fc.constant(REF.added), weight: 3 },
  { arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 30 })), weight: 1 },
  { arbitrary: fc.constant('x'.repeat(101)), weight: 1 },
);

const endpoint = fc.oneof(
  { arbitrary: fc.constant(REF.emulator), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      'https://contoso.cognitiveservices.azure.com/',
      'http://localhost:1',
      'http://127.0.0.1:9/',
      'https://user:pw@contoso.example.com',
      'https://contoso.example.com/?q=1',
      'https://contoso.example.com/#x',
      'ftp://contoso.example.com',
      'http://contoso.example.com',
      '',
      '   ',
    ),
    weight: 2,
  },
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
);

const redactedDatasetLike = fc.record(
  {
    name: datasetName,
    annotationKind: fc.constantFrom(...ANNOTATION_KINDS),
    annotationFileUris: uris,
    authentication: fc.record({
      kind: fc.constantFrom(...AUTHENTICATION_KINDS),
      hasSasToken: fc.boolean(),
    }),
    createdDateTime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    updatedDateTime: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    eTag: fc.string({ minLength: 1, maxLength: 26 }),
  },
  { requiredKeys: ['name', 'annotationKind', 'annotationFileUris', 'createdDateTime', 'eTag'] },
);

/**
 * Plausible values per request field, by `channel.field` or by field name alone; a field not
 * listed here gets anything at all.
 */
const FIELD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  connectionId: connectionRef,
  id: connectionRef,
  name: datasetName,
  'connections:add.name': fc.oneof(datasetName, fc.string({ unit: 'grapheme', maxLength: 110 })),
  'connections:update.name': fc.oneof(datasetName, fc.string({ unit: 'grapheme', maxLength: 110 })),
  datasetName: fc.oneof(fc.constant(null), datasetName),
  endpoint,
  key: fc.oneof(
    { arbitrary: secret(), weight: 4 },
    { arbitrary: fc.constantFrom('', ' ', 'a b', 'x'.repeat(513)), weight: 1 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  ),
  sasToken,
  sessionOnly: fc.boolean(),
  useDraftSasToken: fc.boolean(),
  dropSasToken: fc.boolean(),
  listingId: fc.oneof(
    { arbitrary: fc.constant(REF.listing), weight: 3 },
    { arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 110 })), weight: 1 },
  ),
  ifMatch: fc.oneof(
    { arbitrary: fc.constant(REF.eTag), weight: 4 },
    { arbitrary: fc.constantFrom('*', '"x"', ''), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  ),
  fields: datasetFields(['annotationKind', 'annotationFileUris']),
  changes: datasetFields([]),
  base: fc.oneof(fc.constant(null), redactedDatasetLike),
  values: fc.oneof(
    fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
    fc.constant({ big: 'x'.repeat(70_000) }),
  ),
};

function requestFields(channel: Channel): string[] {
  const schema = ipcContract[channel].request as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** Mostly plausible, sometimes anything: a field's checks are reached, and so are the handlers. */
const fieldValue = (channel: Channel, field: string) =>
  fc.oneof(
    {
      arbitrary: FIELD_VALUES[`${channel}.${field}`] ?? FIELD_VALUES[field] ?? cloneable,
      weight: 24,
    },
    { arbitrary: cloneable, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

function shapedPayload(channel: Channel): fc.Arbitrary<unknown> {
  const fields = requestFields(channel);
  const model = Object.fromEntries(fields.map((f) => [f, fieldValue(channel, f)]));
  const complete = fc.record(model);
  const partial = fc.record(model, { requiredKeys: [] });
  const withExtra = fc
    .tuple(complete, fc.string({ maxLength: 10 }), cloneable)
    .map(([payload, key, value]) => ({ ...payload, [key]: value }));
  return fc.oneof(
    { arbitrary: complete, weight: 6 },
    { arbitrary: partial, weight: 2 },
    { arbitrary: withExtra, weight: 1 },
  );
}

/** The dataset channels are drawn twice as often: they are the ones with the most paths. */
const shapedCall = fc
  .oneof(
    fc.constantFrom(...CHANNELS),
    fc.constantFrom(...CHANNELS.filter((c) => c.startsWith('datasets:'))),
  )
  .chain((channel) => shapedPayload(channel).map((payload) => ({ channel, payload })));

/** Both transports hand the dispatcher a string: IPC's registered name, or the bridge's path. */
const channelName = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(...CHANNELS), weight: 8 },
  {
    arbitrary: fc.constantFrom<unknown>(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app:info ',
      'APP:INFO',
      'datasets:',
      '',
    ),
    weight: 1,
  },
  { arbitrary: fc.string(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
);

const arbitraryCall = fc.record({
  channel: channelName,
  payload: fc.oneof(cloneable, jsonPayload, fc.constant(undefined), fc.constant(null)),
});

// ---- calling and checking ---------------------------------------------------------------------

const secretsSent = new Set<string>();

function rememberSecrets(value: unknown, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') {
    for (const match of value.match(new RegExp(`${SECRET_MARK}[A-Za-z0-9]{16}`, 'g')) ?? []) {
      secretsSent.add(match);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) rememberSecrets(inner, depth + 1);
  }
}

// ---- where each secret may go -----------------------------------------------------------------

const SECRET_PATTERN = new RegExp(`${SECRET_MARK}[A-Za-z0-9]{16}`, 'g');
const SAMPLE_SAS_TOKEN_SIGNATURE = SAMPLE_SAS_TOKEN.slice(SAMPLE_SAS_TOKEN.indexOf('sig='));

/** The origins each saved key or kept SAS token was saved or typed for, as the answers said. */
const allowedOrigins = new Map<string, Set<string>>();
/** Where each connection points now, as its last add or update answered. */
const connectionOrigins = new Map<string, string>();

function allow(secretValue: string, origin: string): void {
  const origins = allowedOrigins.get(secretValue) ?? new Set<string>();
  origins.add(origin);
  allowedOrigins.set(secretValue, origins);
}

function secretsIn(text: string): string[] {
  const found: string[] = [...(text.match(SECRET_PATTERN) ?? [])];
  for (const fixed of [services.localEmulator!.connection.key, SAMPLE_SAS_TOKEN_SIGNATURE]) {
    if (text.includes(fixed)) found.push(fixed);
  }
  return found;
}

/** The secrets anywhere in a payload (it may hold anything structured clone carries). */
function secretsInPayload(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return secretsIn(value);
  if (typeof value !== 'object' || value === null || depth > 20) return [];
  return Object.values(value).flatMap((inner) => secretsInPayload(inner, depth + 1));
}

/**
 * The storage origins each SAS token saved with a dataset may be sent to: those of the
 * annotation files its dataset names now (a check reads them with it), as the emulator holds them.
 */
async function savedTokenOrigins(): Promise<Map<string, Set<string>>> {
  const origins = new Map<string, Set<string>>();
  let url: string | undefined =
    `${emulatorOrigin}/computervision/datasets?api-version=${API_VERSION}`;
  while (url) {
    const response = await fetch(url, {
      headers: { 'Ocp-Apim-Subscription-Key': services.localEmulator!.connection.key },
    });
    const page = (await response.json()) as { value?: Dataset[]; nextLink?: string };
    for (const dataset of page.value ?? []) {
      if (dataset.authentication?.kind !== 'sas' || !dataset.authentication.sasToken) continue;
      for (const token of secretsIn(dataset.authentication.sasToken)) {
        const set = origins.get(token) ?? new Set<string>();
        for (const uri of dataset.annotationFileUris) {
          if (URL.canParse(uri)) set.add(new URL(uri).origin);
        }
        origins.set(token, set);
      }
    }
    url = page.nextLink;
  }
  return origins;
}

/**
 * A secret the page typed into this very call may go wherever the call sends it: it is the
 * page's own. Any other one only to where it was saved (a key) or typed (a draft's SAS token),
 * or, for a SAS token saved with a dataset, to the storage accounts that dataset names.
 */
async function misdirectedSecrets(sent: typeof outgoing, typedNow: Set<string>): Promise<string[]> {
  const problems: string[] = [];
  let storageOrigins: Map<string, Set<string>> | undefined;
  for (const request of sent) {
    for (const found of secretsIn(request.text)) {
      if (typedNow.has(found) || allowedOrigins.get(found)?.has(request.origin)) continue;
      storageOrigins ??= await savedTokenOrigins();
      if (storageOrigins.get(found)?.has(request.origin)) continue;
      const meantFor = [...(allowedOrigins.get(found) ?? [])].join(', ') || 'nowhere';
      problems.push(`${found} went to ${request.origin}; it was meant for ${meantFor}`);
    }
  }
  return problems;
}

/** Records where the secrets of a successful call may go from now on. */
function learnDestinations(channel: unknown, payload: unknown, result: unknown): void {
  const answer = result as { ok?: boolean; value?: { id?: unknown; endpoint?: unknown } };
  if (answer?.ok !== true || typeof payload !== 'object' || payload === null) return;
  const request = payload as Record<string, unknown>;
  const { id, endpoint } = answer.value ?? {};
  if (
    (channel === 'connections:add' || channel === 'connections:update') &&
    typeof id === 'string' &&
    typeof endpoint === 'string'
  ) {
    const origin = new URL(endpoint).origin;
    connectionOrigins.set(id, origin);
    for (const key of secretsInPayload(request['key'])) allow(key, origin);
  }
  if (channel === 'connections:remove' && typeof request['id'] === 'string') {
    connectionOrigins.delete(request['id']);
  }
  if (channel === 'drafts:save') {
    const connectionId = request['connectionId'];
    const origin =
      connectionId === services.localEmulator!.connection.id
        ? emulatorOrigin
        : connectionOrigins.get(String(connectionId));
    if (origin) for (const token of secretsInPayload(request['sasToken'])) allow(token, origin);
  }
}

/** A `sasToken` property outside what the user typed themselves (form values, property names). */
function sasTokenProperty(value: unknown, path = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'sasToken') return `${path}.${key}`;
    if (key === 'values' || key === 'customProperties') continue;
    const found = sasTokenProperty(inner, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

async function dispatch(channel: unknown, payload: unknown): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 15 s')), 15_000);
  });
  try {
    return await Promise.race([services.dispatch(channel, payload), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every way the answer breaks the rules; empty when it keeps them. */
function problemsWith(result: unknown): string[] {
  const problems: string[] = [];
  let text: string;
  try {
    text = JSON.stringify(result);
  } catch (error) {
    return [`the answer cannot travel as JSON: ${(error as Error).message}`];
  }
  const answer = result as { ok?: unknown; value?: unknown; error?: unknown } | null;
  if (answer?.ok === true) {
    if (!('value' in answer)) problems.push('ok without a value');
    const leak = sasTokenProperty(answer.value);
    if (leak) problems.push(`a SAS token property in the answer at ${leak}`);
  } else if (answer?.ok === false) {
    const error = AppErrorSchema.safeParse(answer.error);
    if (!error.success) problems.push(`not an AppError: ${text.slice(0, 200)}`);
    else {
      if (error.data.kind === 'internal') problems.push(`internal error: ${error.data.message}`);
      if (error.data.message.trim() === '') problems.push('an error without a message');
    }
  } else {
    problems.push(`not a Result: ${text?.slice(0, 200)}`);
  }
  const secrets = [
    services.localEmulator!.connection.key,
    SAMPLE_SAS_TOKEN,
    SAMPLE_SAS_TOKEN.slice(SAMPLE_SAS_TOKEN.indexOf('sig=')),
    ...secretsSent,
  ];
  for (const s of secrets) if (text?.includes(s)) problems.push(`a secret in the answer: ${s}`);
  problems.push(...crashes.splice(0));
  return problems;
}

async function callAndCheck(channel: unknown, rawPayload: unknown): Promise<void> {
  const payload = resolveRefs(rawPayload);
  rememberSecrets(payload);
  let result: unknown;
  try {
    result = await dispatch(channel, payload);
  } catch (error) {
    expect.fail(
      `dispatch threw: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
  }
  // From where the last check stopped: a listing goes on sending after its first answer.
  const sent = outgoing.slice(checkedRequests);
  checkedRequests += sent.length;
  expect([
    ...problemsWith(result),
    ...(await misdirectedSecrets(sent, new Set(secretsInPayload(payload)))),
  ]).toEqual([]);
  learnFrom(channel, result);
  learnDestinations(channel, payload, result);
}

// ---- sequences that try to send a saved secret elsewhere ---------------------------------------

/** Servers the page might pick instead of the one a key was saved for (answered by the guard). */
const otherEndpoint = fc.constantFrom(
  'https://attacker.example',
  'https://attacker.example:8443/computervision',
  'http://127.0.0.1:9',
  'http://localhost:1/',
  'https://contoso.cognitiveservices.azure.com/',
);
const someEndpoint = fc.oneof(fc.constant(REF.emulator), otherEndpoint);
const savedConnection = fc.constantFrom(REF.added, REF.local);
// Two names only, so that a draft and a save of the same dataset meet often.
const seedName = fc.constantFrom(...SEED_DATASET_NAMES.slice(0, 2));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const defined = (payload: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
const keptTokenSave = {
  authentication: { kind: 'sas' },
};

/** The steps of such an attempt: save a key or a token, move the connection, ask for them. */
const secretStep = fc.oneof(
  fc.record({
    channel: fc.constant('connections:add'),
    payload: fc.record({
      name: fc.stringMatching(/^seq-[a-z0-9]{12}$/),
      endpoint: someEndpoint,
      key: secret(),
    }),
  }),
  fc.record({
    channel: fc.constant('connections:update'),
    payload: fc
      .record({ id: fc.constant(REF.added), endpoint: someEndpoint, key: maybe(secret()) })
      .map(defined),
  }),
  fc.record({
    channel: fc.constant('connections:test'),
    payload: fc
      .record({ id: savedConnection, endpoint: someEndpoint, key: maybe(secret()) })
      .map(defined),
  }),
  fc.record({
    channel: fc.constant('drafts:save'),
    payload: fc.record({
      connectionId: savedConnection,
      datasetName: fc.oneof(fc.constant(null), seedName),
      base: fc.constant(null),
      values: fc.constant({}),
      sasToken: secret('sv=2022-11-02&ss=b&sp=rl&sig='),
    }),
  }),
  fc.record({
    channel: fc.constant('datasets:update'),
    payload: fc.record({
      connectionId: savedConnection,
      name: seedName,
      ifMatch: fc.constant('*'),
      changes: fc.constant(keptTokenSave),
      useDraftSasToken: fc.constant(true),
    }),
  }),
  fc.record({
    channel: fc.constant('datasets:register'),
    payload: fc.record({
      connectionId: savedConnection,
      name: fc.stringMatching(/^seq-[a-z0-9]{8}$/),
      fields: fc.constant({
        annotationKind: 'imageClassification',
        annotationFileUris: ['https://x.blob.core.windows.net/c/a.json'],
        ...keptTokenSave,
      }),
      useDraftSasToken: fc.constant(true),
    }),
  }),
  fc.record({
    channel: fc.constantFrom('datasets:get', 'datasets:delete'),
    payload: fc.record({
      connectionId: savedConnection,
      name: seedName,
      ifMatch: fc.constant('*'),
    }),
  }),
  fc.record({
    channel: fc.constant('datasets:listStart'),
    payload: fc.record({ connectionId: savedConnection }),
  }),
);

describe('the handler table under arbitrary calls', () => {
  // Found by this fuzzer (first, while the seeds are as seeded): checking every dataset sends each saved SAS token to the storage
  // accounts its own dataset names, which is where it belongs, and nowhere else.
  it('sends each saved SAS token only to the storage accounts of its own dataset when checking all', async () => {
    const started = (await dispatch('checkAll:start', {
      connectionId: services.localEmulator!.connection.id,
    })) as {
      ok: boolean;
      value?: { runId: string; state: string };
    };
    expect(started.ok).toBe(true);
    let state = started.value!.state;
    while (state === 'running') {
      const polled = (await dispatch('checkAll:progress', { runId: started.value!.runId })) as {
        value: { state: string };
      };
      state = polled.value.state;
    }
    const sent = outgoing.slice(checkedRequests);
    checkedRequests += sent.length;
    expect(sent.some((request) => request.text.includes(SAMPLE_SAS_TOKEN_SIGNATURE))).toBe(true);
    expect(await misdirectedSecrets(sent, new Set())).toEqual([]);
  });

  it(`answers ${RUNS} arbitrary channels and payloads with a usable Result`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCall, ({ channel, payload }) => callAndCheck(channel, payload)),
      { numRuns: RUNS },
    );
  }, 60_000);

  it(`answers ${RUNS} payloads shaped like each channel's request without a crash or a leak`, async () => {
    await fc.assert(
      fc.asyncProperty(shapedCall, ({ channel, payload }) => callAndCheck(channel, payload)),
      { numRuns: RUNS },
    );
  }, 60_000);

  it(`sends no saved key or kept SAS token elsewhere over ${SEQUENCE_RUNS} sequences of moves`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(secretStep, { minLength: 1, maxLength: 10 }), async (steps) => {
        for (const { channel, payload } of steps) await callAndCheck(channel, payload);
      }),
      { numRuns: SEQUENCE_RUNS },
    );
  }, 60_000);

  // Found by this fuzzer: a BigInt (structured clone carries it) once made a schema check throw.
  it('answers a BigInt inside draft values with a Result', async () => {
    await callAndCheck('drafts:save', {
      connectionId: REF.local,
      datasetName: null,
      base: null,
      values: { count: 1n },
    });
  });
});
