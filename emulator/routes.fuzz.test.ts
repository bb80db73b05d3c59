import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATION_KINDS } from '../shared/contract/dataset';
import {
  API_VERSION,
  DATASETS_PATH,
  ERROR_CODE_HEADER,
  NAME_PATTERN,
  SUBSCRIPTION_KEY_HEADER,
} from '../shared/contract/limits';
import { validateResponse } from './contract/openapi-validator';
import { SAMPLE_SAS_TOKEN, SEED_DATASET_NAMES } from './seed-datasets';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';

/*
 * Arbitrary requests against one in-process emulator: whatever arrives, the answer is a 2xx that
 * keeps the contract or a 4xx in the contract's error shape, and the server keeps answering.
 *
 * Two things are left out on purpose, because Node's HTTP parser answers them before the
 * emulator sees the request (a bare 400/431 without the JSON error body): request targets with
 * raw bytes outside printable ASCII (clients percent-encode them, as here) and request heads
 * over Node's 16 KiB limit (paths here stay below it).
 */

const KEY = 'fuzz-subscription-key';
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);
/** Names the fuzzer registers, updates and deletes, so writes meet existing datasets too. */
const OWN_NAMES = Array.from({ length: 6 }, (_, i) => `fuzz-${i}`);
const METHODS = ['GET', 'PUT', 'PATCH', 'DELETE', 'POST', 'HEAD', 'OPTIONS'] as const;
/** Two of these in one path still stay clear of Node's 16 KiB limit on the request head. */
const LONGEST_SEGMENT = 7_000;

let emulator: RunningEmulator;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
/** The last eTag seen per dataset, so some If-Match headers are current ones. */
const eTags = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, key: KEY, seed: true });
});

afterAll(async () => {
  agent.destroy();
  await emulator?.close();
});

// ---- what a request is made of -------------------------------------------------------------

const percentEncoded = (char: string) =>
  [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** Percent-encodes what an HTTP client must (anything outside printable ASCII), as UTF-8. */
function asRequestTarget(text: string): string {
  let out = '';
  for (const char of text) out += /^[\x21-\x7e]$/.test(char) ? char : percentEncoded(char);
  return out;
}

/** Header values Node will send: tab and printable ASCII only. */
const headerText = (maxLength = 60) =>
  fc.string({ maxLength, unit: 'binary-ascii' }).map((s) => s.replace(/[^\t\x20-\x7e]/g, ''));

const validName = fc.stringMatching(NAME_PATTERN, { size: 'small' }).filter((s) => s.length <= 255);

const nameSegment = fc.oneof(
  { arbitrary: fc.constantFrom(...SEED_DATASET_NAMES, ...OWN_NAMES), weight: 6 },
  { arbitrary: validName, weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '',
      '%2e%2e',
      '%2F',
      'a%2Fb',
      '%',
      '%zz',
      '%E9t%E9',
      '%00',
      'a b',
      '-leading-dash',
      '_x',
      'x'.repeat(256),
      'é',
      '日本語',
      '😀',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  {
    arbitrary: fc.integer({ min: 200, max: LONGEST_SEGMENT }).map((n) => 'a'.repeat(n)),
    weight: 1,
  },
);

const path = fc.oneof(
  { arbitrary: fc.constant(DATASETS_PATH), weight: 3 },
  { arbitrary: nameSegment.map((name) => `${DATASETS_PATH}/${asRequestTarget(name)}`), weight: 8 },
  {
    arbitrary: nameSegment.map((name) => `${DATASETS_PATH}/${encodeURIComponent(name)}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(nameSegment, nameSegment)
      .map(([a, b]) => `${DATASETS_PATH}/${asRequestTarget(a)}/${asRequestTarget(b)}`),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '/',
      '*',
      '/computervision',
      '/computervision/',
      `${DATASETS_PATH}/`,
      `${DATASETS_PATH}//flowers-classification`,
      `${DATASETS_PATH}/../datasets`,
      `/computervision/datasets/..`,
      '/COMPUTERVISION/DATASETS',
      '/_emulator/faults',
      '//evil.example/computervision/datasets',
      'http://evil.example/computervision/datasets',
    ),
    weight: 2,
  },
  {
    arbitrary: fc
      .array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 5 })
      .map((parts) => `/${parts.map(asRequestTarget).join('/')}`),
    weight: 1,
  },
);

const numberish = fc.oneof(
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.constantFrom(
    '',
    '0',
    '1',
    '30',
    '31',
    '1e1',
    ' 5',
    '5 ',
    '0x10',
    '99999999999999999999',
    '-0',
  ),
  fc.string({ maxLength: 8 }),
);

const queryString = fc
  .record(
    {
      apiVersion: fc.oneof(
        { arbitrary: fc.constant<string[]>([API_VERSION]), weight: 8 },
        { arbitrary: fc.constant<string[]>([]), weight: 1 },
        {
          arbitrary: fc.constantFrom<string[]>(
            ['2022-01-01'],
            ['2023-02-01-PREVIEW'],
            [API_VERSION, '1'],
          ),
          weight: 1,
        },
        { arbitrary: fc.string({ maxLength: 12 }).map((v) => [v]), weight: 1 },
      ),
      top: fc.option(numberish, { nil: undefined }),
      skip: fc.option(numberish, { nil: undefined }),
      extra: fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), {
        maxLength: 2,
      }),
    },
    { requiredKeys: ['apiVersion', 'extra'] },
  )
  .map(({ apiVersion, top, skip, extra }) => {
    const pairs: [string, string][] = apiVersion.map((v) => ['api-version', v]);
    if (top !== undefined) pairs.push(['top', top]);
    if (skip !== undefined) pairs.push(['skip', skip]);
    pairs.push(...extra);
    if (pairs.length === 0) return '';
    return `?${pairs.map(([k, v]) => `${asRequestTarget(k)}=${asRequestTarget(v)}`).join('&')}`;
  });

/** Resolved when the request is sent, so it can name the current eTag of the target. */
type IfMatchChoice = { kind: 'current' } | { kind: 'text'; value: string } | undefined;

const ifMatch: fc.Arbitrary<IfMatchChoice> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constant({ kind: 'current' as const }), weight: 3 },
  {
    arbitrary: fc
      .oneof(
        fc.constantFrom('*', '""', '"abc"', 'W/"abc"', '*, "x"', ', ,', 'a'.repeat(26)),
        headerText(),
      )
      .map((value) => ({ kind: 'text' as const, value })),
    weight: 2,
  },
);

const contentType = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'application/json-patch+json',
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
    ),
    weight: 6,
  },
  {
    arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data', ''),
    weight: 1,
  },
  { arbitrary: headerText(40), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

const subscriptionKey = fc.oneof(
  { arbitrary: fc.constant<string | string[] | undefined>(KEY), weight: 12 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.constantFrom('', `${KEY} `, KEY.toUpperCase(), [KEY, KEY]), weight: 1 },
  { arbitrary: headerText(40), weight: 1 },
);

const uri = fc.oneof(
  fc.constantFrom(
    'https://contosovision.blob.core.windows.net/datasets/train.json',
    'http://example.com/a.json',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 30 }),
);

const datasetLikeBody = fc.record(
  {
    annotationKind: fc.oneof(fc.constantFrom(...ANNOTATION_KINDS), fc.string({ maxLength: 20 })),
    annotationFileUris: fc.oneof(
      fc.array(uri, { minLength: 1, maxLength: 3 }),
      fc.array(uri, { maxLength: 12 }),
      fc.anything(),
    ),
    authentication: fc.oneof(
      fc.constantFrom(
        { kind: 'none' },
        { kind: 'managedIdentity' },
        { kind: 'sas', sasToken: SAMPLE_SAS_TOKEN },
        { kind: 'sas' },
        { kind: 'none', sasToken: 'sv=1&sig=x' },
        { kind: 'sas', sasToken: '?sv=1' },
      ),
      fc.anything(),
    ),
    customProperties: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 12 }),
      fc.anything(),
    ),
    name: fc.oneof(
      fc.constantFrom(...SEED_DATASET_NAMES, ...OWN_NAMES),
      fc.string({ maxLength: 10 }),
    ),
    eTag: fc.string({ maxLength: 30 }),
    createdDateTime: fc.string({ maxLength: 30 }),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const stringified = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
};

/** Around the 1 MiB limit: under it the JSON is read and refused, over it the size is. */
const bigBody = fc
  .tuple(fc.integer({ min: 100_000, max: 1_200_000 }), fc.boolean())
  .map(([size, json]) =>
    json ? `{"annotationKind":"${'x'.repeat(size)}"}` : '{'.padEnd(size, ' '),
  );

const body: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: datasetLikeBody.map((b) => JSON.stringify(b)), weight: 6 },
  { arbitrary: fc.json(), weight: 2 },
  { arbitrary: fc.anything().map(stringified), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  { arbitrary: bigBody, weight: 1 },
);

/** Anything at all: most of these are refused by one check or another. */
const wildRequest = fc.record({
  method: fc.constantFrom(...METHODS),
  path,
  query: queryString,
  key: subscriptionKey,
  ifMatch,
  contentType,
  body,
});

const validFields = {
  annotationKind: fc.constantFrom(...ANNOTATION_KINDS),
  annotationFileUris: fc.array(
    fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true }),
    { minLength: 1, maxLength: 3 },
  ),
  authentication: fc.constantFrom(
    { kind: 'none' },
    { kind: 'managedIdentity' },
    { kind: 'sas', sasToken: SAMPLE_SAS_TOKEN },
  ),
  customProperties: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 10 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    { maxKeys: 10 },
  ),
};

/**
 * Requests a client of the contract would send, so the operations themselves are reached:
 * registers, updates with the current eTag or a stale one, deletes, pages.
 */
const wellFormedRequest = fc.oneof(
  fc.record({
    method: fc.constant('GET'),
    path: fc.constant(DATASETS_PATH),
    query: fc
      .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }))
      .map(([skip, top]) => `?api-version=${API_VERSION}&skip=${skip}&top=${top}`),
  }),
  fc.record({
    method: fc.constantFrom('GET', 'PUT', 'PUT', 'PATCH', 'PATCH', 'PATCH', 'PATCH', 'DELETE'),
    path: fc.constantFrom(...SEED_DATASET_NAMES, ...OWN_NAMES).map((n) => `${DATASETS_PATH}/${n}`),
    query: fc.constant(`?api-version=${API_VERSION}`),
    ifMatch: fc.oneof(
      { arbitrary: fc.constant({ kind: 'current' as const }), weight: 4 },
      { arbitrary: fc.constant({ kind: 'text' as const, value: '*' }), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    contentType: fc.constantFrom('application/json-patch+json', 'application/json'),
    body: fc.oneof(
      {
        arbitrary: fc
          .record(validFields, { requiredKeys: ['annotationKind', 'annotationFileUris'] })
          .map((f) => JSON.stringify(f)),
        weight: 10,
      },
      {
        arbitrary: fc.record(validFields, { requiredKeys: [] }).map((f) => JSON.stringify(f)),
        weight: 10,
      },
      { arbitrary: bigBody, weight: 1 },
    ),
  }),
);

const fuzzRequest = fc
  .oneof(wildRequest, wellFormedRequest)
  .map((r) => ({ key: KEY as FuzzRequestKey, ifMatch: undefined, ...r }));

type FuzzRequestKey = string | string[] | undefined;

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  key: FuzzRequestKey;
  ifMatch?: IfMatchChoice;
  contentType?: string;
  body?: string | Buffer;
}

// ---- sending and checking -----------------------------------------------------------------

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  method: string,
  target: string,
  headers: OutgoingHttpHeaders,
  payload?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emulator.port, method, path: target, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    // Node sends a GET, HEAD, DELETE or OPTIONS body without a length unless told one, and
    // the server would then read that body as the next request.
    if (payload !== undefined) req.setHeader('Content-Length', Buffer.byteLength(payload));
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(payload);
  });
}

function datasetNameOf(target: string): string | undefined {
  const prefix = `${DATASETS_PATH}/`;
  if (!target.startsWith(prefix)) return undefined;
  const encoded = target.slice(prefix.length).split('?')[0]!;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function toWire(r: FuzzRequest): { target: string; headers: OutgoingHttpHeaders } {
  const target = `${r.path}${r.query}`;
  const headers: OutgoingHttpHeaders = {};
  if (r.key !== undefined) headers[SUBSCRIPTION_KEY_HEADER] = r.key;
  if (r.contentType !== undefined) headers['Content-Type'] = r.contentType;
  if (r.ifMatch?.kind === 'text') headers['If-Match'] = r.ifMatch.value;
  if (r.ifMatch?.kind === 'current') {
    const eTag = eTags.get(datasetNameOf(target) ?? '');
    headers['If-Match'] = eTag === undefined ? '"stale"' : `"${eTag}"`;
  }
  return { target, headers };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
  );
}

function remember(answer: Answer): void {
  if (answer.status < 200 || answer.status >= 300 || answer.body === '') return;
  const json = JSON.parse(answer.body) as { name?: unknown; eTag?: unknown; value?: unknown };
  const datasets = Array.isArray(json.value) ? json.value : [json];
  for (const d of datasets as { name?: unknown; eTag?: unknown }[]) {
    if (typeof d.name === 'string' && typeof d.eTag === 'string') eTags.set(d.name, d.eTag);
  }
}

/** Every way the answer breaks the rules; empty when it keeps them. */
function problemsWith(method: string, target: string, answer: Answer): string[] {
  const where = `${method} ${target.slice(0, 120)} -> ${answer.status}`;
  const { status } = answer;
  if (status >= 500) return [`${where}: a server error: ${answer.body.slice(0, 300)}`];
  if (status < 200 || (status >= 300 && status < 400)) return [`${where}: neither 2xx nor 4xx`];
  const problems: string[] = [];
  const headerCode = answer.headers[ERROR_CODE_HEADER];
  if (method === 'HEAD') {
    if (answer.body !== '') problems.push(`${where}: HEAD answered with a body`);
    if (status >= 400 && (typeof headerCode !== 'string' || headerCode === '')) {
      problems.push(`${where}: no ${ERROR_CODE_HEADER} header`);
    }
    return problems;
  }
  if (status >= 400) {
    let error: { code?: unknown; message?: unknown } | undefined;
    try {
      error = (JSON.parse(answer.body) as { error?: typeof error }).error;
    } catch {
      return [`${where}: the error body is not JSON: ${answer.body.slice(0, 120)}`];
    }
    if (typeof error?.code !== 'string' || error.code === '') {
      problems.push(`${where}: error.code is missing`);
    }
    if (typeof error?.message !== 'string' || error.message === '') {
      problems.push(`${where}: error.message is missing`);
    }
    if (headerCode !== error?.code) {
      problems.push(
        `${where}: ${ERROR_CODE_HEADER} ${String(headerCode)} != ${String(error?.code)}`,
      );
    }
  }
  problems.push(
    ...validateResponse({
      method,
      // Absolute, so a target such as "//" stays a path instead of reading as a host.
      url: target.startsWith('/') ? `${emulator.url}${target}` : target,
      status,
      headers: flatHeaders(answer.headers),
      body: answer.body,
    }),
  );
  return problems;
}

async function stillAnswers(): Promise<void> {
  const probe = await send('GET', `${DATASETS_PATH}?api-version=${API_VERSION}&top=1`, {
    [SUBSCRIPTION_KEY_HEADER]: KEY,
  });
  expect(probe.status, 'the emulator stopped answering a plain list request').toBe(200);
}

describe('the emulator under arbitrary requests', () => {
  it(`answers ${RUNS} of them with a 2xx in the contract or a 4xx in its error shape, and keeps answering`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (r: FuzzRequest) => {
        const { target, headers } = toWire(r);
        const answer = await send(r.method, target, headers, r.body);
        expect(problemsWith(r.method, target, answer)).toEqual([]);
        remember(answer);
        await stillAnswers();
      }),
      { numRuns: RUNS },
    );
  }, 90_000);
});
