import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetSchema } from '../shared/contract/dataset';
import { DatasetListPageSchema } from '../shared/contract/list-page';
import { validateResponse } from './contract/openapi-validator';
import type { RunningEmulator } from './server';
import {
  TEST_KEY,
  blobUri,
  call,
  callUrl,
  datasetsUrl,
  register,
  registerBody,
  startTestEmulator,
} from './test-helpers';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startTestEmulator();
});

afterEach(async () => {
  await emulator.close();
});

const uris = (n: number) => Array.from({ length: n }, (_, i) => blobUri(i));
const ETAG = /^[a-z]{26}$/;

describe('Register (PUT)', () => {
  it('answers 201 with the new dataset, which Get then returns', async () => {
    const before = Date.now();
    const created = await call(emulator, 'PUT', '/flowers', {
      body: registerBody({
        annotationFileUris: uris(2),
        authentication: { kind: 'managedIdentity' },
        customProperties: { team: 'botany' },
      }),
    });
    expect(created.status).toBe(201);
    const dataset = DatasetSchema.parse(created.json);
    expect(dataset).toMatchObject({
      name: 'flowers',
      annotationKind: 'imageClassification',
      annotationFileUris: uris(2),
      authentication: { kind: 'managedIdentity' },
      customProperties: { team: 'botany' },
    });
    expect(dataset.eTag).toMatch(ETAG);
    expect(dataset.createdDateTime).toMatch(/Z$/);
    expect(dataset.updatedDateTime).toBe(dataset.createdDateTime);
    expect(Date.parse(dataset.createdDateTime)).toBeGreaterThanOrEqual(before);

    const got = await call(emulator, 'GET', '/flowers');
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
  });

  it('answers 409 DatasetAlreadyExists for a taken name and leaves the dataset as it was', async () => {
    const first = await register(emulator, 'flowers');
    const again = await call(emulator, 'PUT', '/flowers', {
      body: registerBody({ annotationKind: 'imageObjectDetection' }),
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('DatasetAlreadyExists');
    expect((await call(emulator, 'GET', '/flowers')).json).toEqual(first);
  });

  it('ignores read-only properties in the body, but refuses a name that differs from the path', async () => {
    const echoed = await call(emulator, 'PUT', '/flowers', {
      body: registerBody({
        name: 'flowers',
        eTag: 'mineminemineminemineminemi',
        createdDateTime: '1999-01-01T00:00:00Z',
        updatedDateTime: '1999-01-01T00:00:00Z',
      }),
    });
    expect(echoed.status).toBe(201);
    expect(echoed.json.eTag).not.toBe('mineminemineminemineminemi');
    expect(echoed.json.createdDateTime).not.toMatch(/^1999/);

    const renamed = await call(emulator, 'PUT', '/tulips', {
      body: registerBody({ name: 'roses' }),
    });
    expect(renamed.status).toBe(400);
    expect(renamed.json.error).toMatchObject({ code: 'InvalidArgument', target: 'name' });
    expect(renamed.json.error.message).toMatch(/differs from the name in the path/);
    expect((await call(emulator, 'GET', '/tulips')).status).toBe(404);
  });

  it('accepts application/json as well as application/json-patch+json', async () => {
    const plain = await call(emulator, 'PUT', '/plain', {
      body: registerBody(),
      contentType: 'application/json; charset=utf-8',
    });
    expect(plain.status).toBe(201);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['no Content-Type', null],
  ])('answers 415 to a body sent as %s', async (_, contentType) => {
    const result = await call(emulator, 'PUT', '/flowers', { body: registerBody(), contentType });
    expect(result.status).toBe(415);
    expect(result.json.error.code).toBe('UnsupportedMediaType');
    expect(result.json.error.message).toMatch(/application\/json-patch\+json/);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const big = JSON.stringify(
      registerBody({ customProperties: { note: 'x'.repeat(1024 * 1024) } }),
    );
    const result = await call(emulator, 'PUT', '/flowers', { body: big });
    expect(result.status).toBe(413);
    expect(result.json.error.code).toBe('RequestEntityTooLarge');
    expect((await call(emulator, 'GET', '/flowers')).status).toBe(404);
  });

  it('answers 413 to a streamed (chunked) body that grows past 1 MB', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4 * 1024 * 1024) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const url = datasetsUrl(emulator, '/flowers');
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'Ocp-Apim-Subscription-Key': TEST_KEY, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    });
    const text = await response.text();
    expect(
      validateResponse({
        method: 'PUT',
        url,
        status: response.status,
        headers: response.headers,
        body: text,
      }),
    ).toEqual([]);
    expect(response.status).toBe(413);
  });

  it('answers 400 to malformed JSON, saying so', async () => {
    const result = await call(emulator, 'PUT', '/flowers', { body: '{"annotationKind": ' });
    expect(result.status).toBe(400);
    expect(result.json.error.code).toBe('InvalidRequestBody');
    expect(result.json.error.message).toMatch(/not valid JSON/);
  });

  it.each([['[]'], ['"flowers"'], ['null'], ['42']])(
    'answers 400 to a body that is not an object: %s',
    async (body) => {
      const result = await call(emulator, 'PUT', '/flowers', { body });
      expect(result.status).toBe(400);
      expect(result.json.error.message).toMatch(/must be a JSON object/);
    },
  );

  it('answers 400 to an empty body', async () => {
    const result = await call(emulator, 'PUT', '/flowers', {
      body: '',
      contentType: 'application/json',
    });
    expect(result.status).toBe(400);
    expect(result.json.error.message).toMatch(/needs a JSON object body/);
  });

  const invalid: [string, Record<string, unknown>, string, string, RegExp][] = [
    [
      '11 URIs',
      { annotationFileUris: uris(11) },
      'annotationFileUris',
      'DatasetInvalidAnnotationUri',
      /At most 10/,
    ],
    [
      'a relative URI',
      { annotationFileUris: [blobUri(0), 'train/coco.json'] },
      'annotationFileUris.1',
      'DatasetInvalidAnnotationUri',
      /absolute https address/,
    ],
    [
      'an ftp URI',
      { annotationFileUris: ['ftp://host/a.json'] },
      'annotationFileUris.0',
      'DatasetInvalidAnnotationUri',
      /"ftp:" is not supported/,
    ],
    [
      'an unknown annotation kind',
      { annotationKind: 'segmentation' },
      'annotationKind',
      'InvalidArgument',
      /imageClassification.*imageObjectDetection/,
    ],
    [
      'a SAS token without kind "sas"',
      { authentication: { kind: 'managedIdentity', sasToken: 'sv=1&sig=x' } },
      'authentication.sasToken',
      'InvalidArgument',
      /only when the kind is "sas"/,
    ],
    [
      'kind "sas" without a token',
      { authentication: { kind: 'sas' } },
      'authentication.sasToken',
      'InvalidArgument',
      /needs a SAS token/,
    ],
    [
      'a full URL as the SAS token',
      { authentication: { kind: 'sas', sasToken: 'https://a.blob.core.windows.net/c?sv=1&sig=x' } },
      'authentication.sasToken',
      'InvalidArgument',
      /only the token/,
    ],
    [
      'an unknown authentication kind',
      { authentication: { kind: 'accountKey' } },
      'authentication.kind',
      'InvalidArgument',
      /"none", "managedIdentity" or "sas"/,
    ],
    [
      '11 custom properties',
      { customProperties: Object.fromEntries(uris(11).map((_, i) => [`k${i}`, 'v'])) },
      'customProperties',
      'InvalidArgument',
      /At most 10 custom properties/,
    ],
    [
      'a custom property that is not text',
      { customProperties: { size: 3 } },
      'customProperties.size',
      'InvalidArgument',
      /must be text/,
    ],
    [
      'an unknown property',
      { annotationKnd: 'x' },
      'annotationKnd',
      'InvalidArgument',
      /Unknown property "annotationKnd"/,
    ],
  ];

  it.each(invalid)(
    'answers 400 to %s, naming the field and why',
    async (_, overrides, target, code, why) => {
      const result = await call(emulator, 'PUT', '/flowers', { body: registerBody(overrides) });
      expect(result.status).toBe(400);
      expect(result.headers.get('x-ms-error-code')).toBe(code);
      expect(result.json.error).toMatchObject({ code, target });
      expect(result.json.error.message).toMatch(why);
      expect(result.json.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code, target, message: expect.stringMatching(why) }),
        ]),
      );
      expect((await call(emulator, 'GET', '/flowers')).status).toBe(404);
    },
  );

  it('lists every problem of the body in details, one per field', async () => {
    const result = await call(emulator, 'PUT', '/flowers', { body: {} });
    expect(result.status).toBe(400);
    const targets = result.json.error.details.map((d: { target: string }) => d.target).sort();
    expect(targets).toEqual(['annotationFileUris', 'annotationKind']);
  });
});

describe('the dataset name in the path', () => {
  it.each([
    ['starting with "-"', '-flowers'],
    ['with a space', 'has%20space'],
    ['with an encoded slash', 'a%2Fb'],
    ['non-ASCII', encodeURIComponent('ünïcode')],
    ['256 characters long', 'a'.repeat(256)],
    ['empty', ''],
  ])('answers 400 with target "name" when it is %s', async (_, name) => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const result = await call(emulator, method, `/${name}`, {
        body: method === 'PUT' || method === 'PATCH' ? registerBody() : undefined,
      });
      expect(result.status, method).toBe(400);
      expect(result.json.error).toMatchObject({ code: 'InvalidArgument', target: 'name' });
    }
  });

  it('accepts 255 characters and the allowed punctuation', async () => {
    await register(emulator, 'a'.repeat(255));
    await register(emulator, 'Flowers-v2.1_final');
  });
});

describe('subscription key and api-version', () => {
  it('answers 401 Unauthorized when the key is missing, saying so', async () => {
    const result = await call(emulator, 'GET', '', { key: null });
    expect(result.status).toBe(401);
    expect(result.json.error.code).toBe('Unauthorized');
    expect(result.json.error.message).toMatch(/Ocp-Apim-Subscription-Key.*missing/);
  });

  it('answers 401 Unauthorized to a wrong key, saying it is invalid, and changes nothing', async () => {
    const result = await call(emulator, 'PUT', '/flowers', {
      key: `${TEST_KEY}x`,
      body: registerBody(),
    });
    expect(result.status).toBe(401);
    expect(result.json.error.message).toMatch(/invalid/);
    expect((await call(emulator, 'GET', '/flowers')).status).toBe(404);
  });

  it.each([
    ['missing', null, 'MissingApiVersionParameter'],
    ['another version', '2024-02-01', 'UnsupportedApiVersion'],
  ])(
    'answers 400 when api-version is %s, naming the supported one',
    async (_, apiVersion, code) => {
      const result = await call(emulator, 'GET', '', { apiVersion });
      expect(result.status).toBe(400);
      expect(result.json.error).toMatchObject({ code, target: 'api-version' });
      expect(result.json.error.message).toMatch(/2023-02-01-preview/);
    },
  );
});

describe('routes and the order of checks', () => {
  it('answers 404 to an unknown path', async () => {
    for (const path of ['/computervision/models', '/computervision/datasets/a/b', '/']) {
      const url = new URL(path, emulator.url);
      url.searchParams.set('api-version', '2023-02-01-preview');
      const result = await callUrl('GET', url.toString());
      expect(result.status, path).toBe(404);
    }
  });

  it('answers 405 with an Allow header to a method the path does not have', async () => {
    const onList = await call(emulator, 'POST', '', { body: {} });
    expect(onList.status).toBe(405);
    expect(onList.headers.get('allow')).toBe('GET');
    const onDataset = await call(emulator, 'POST', '/flowers');
    expect(onDataset.status).toBe(405);
    expect(onDataset.headers.get('allow')).toBe('GET, PUT, PATCH, DELETE');
  });

  it('checks the key, then api-version, then the route, then the name, then the body', async () => {
    const unknown = new URL('/nowhere', emulator.url).toString();
    expect((await callUrl('GET', unknown, { key: null })).status).toBe(401);
    expect((await callUrl('GET', unknown)).status).toBe(400);
    expect((await callUrl('GET', `${unknown}?api-version=2023-02-01-preview`)).status).toBe(404);
    const badName = await call(emulator, 'PUT', '/-bad', {
      body: 'not json',
      contentType: 'text/plain',
    });
    expect(badName.json.error.target).toBe('name');
    await register(emulator, 'flowers');
    const badBodyOnTaken = await call(emulator, 'PUT', '/flowers', {
      body: { annotationKind: 'x' },
    });
    expect(badBodyOnTaken.status).toBe(400);
  });
});

describe('Get', () => {
  it('answers 404 NotFound for an unknown dataset', async () => {
    const result = await call(emulator, 'GET', '/nothing-here');
    expect(result.status).toBe(404);
    expect(result.json.error.code).toBe('NotFound');
    expect(result.json.error.message).toMatch(/nothing-here/);
  });
});

describe('Update (PATCH)', () => {
  it('changes only the properties sent, each replaced whole', async () => {
    const original = await register(emulator, 'flowers', {
      annotationFileUris: uris(2),
      authentication: { kind: 'sas', sasToken: 'sv=2022-11-02&sig=abc' },
      customProperties: { a: '1', b: '2' },
    });
    const kind = await call(emulator, 'PATCH', '/flowers', {
      body: { annotationKind: 'imageObjectDetection' },
    });
    expect(kind.status).toBe(200);
    expect(kind.json).toMatchObject({
      annotationKind: 'imageObjectDetection',
      annotationFileUris: uris(2),
      authentication: { kind: 'sas', sasToken: 'sv=2022-11-02&sig=abc' },
      customProperties: { a: '1', b: '2' },
      createdDateTime: original.createdDateTime,
    });
    const props = await call(emulator, 'PATCH', '/flowers', {
      body: { customProperties: { c: '3' } },
    });
    expect(props.json.customProperties).toEqual({ c: '3' });
    const auth = await call(emulator, 'PATCH', '/flowers', {
      body: { authentication: { kind: 'none' } },
    });
    expect(auth.json.authentication).toEqual({ kind: 'none' });
    const files = await call(emulator, 'PATCH', '/flowers', {
      body: { annotationFileUris: [blobUri(9)] },
    });
    expect(files.json.annotationFileUris).toEqual([blobUri(9)]);
    expect(files.json).toMatchObject({
      annotationKind: 'imageObjectDetection',
      customProperties: { c: '3' },
    });
    expect((await call(emulator, 'GET', '/flowers')).json).toEqual(files.json);
  });

  it('gives a new eTag and a later updatedDateTime on every update, even an empty one', async () => {
    const first = await register(emulator, 'flowers');
    const seen = [first];
    for (let i = 0; i < 5; i += 1) {
      const result = await call(emulator, 'PATCH', '/flowers', {
        body: i === 0 ? {} : { customProperties: { i: String(i) } },
      });
      expect(result.status).toBe(200);
      seen.push(result.json);
    }
    expect(new Set(seen.map((d) => d.eTag)).size).toBe(seen.length);
    for (const d of seen) expect(d.eTag).toMatch(ETAG);
    for (let i = 1; i < seen.length; i += 1) {
      expect(Date.parse(seen[i].updatedDateTime)).toBeGreaterThan(
        Date.parse(seen[i - 1].updatedDateTime),
      );
      expect(seen[i].createdDateTime).toBe(first.createdDateTime);
    }
  });

  it('applies with If-Match equal to the eTag, quoted or not, with "*" and without If-Match', async () => {
    let current = await register(emulator, 'flowers');
    for (const ifMatch of [(e: string) => e, (e: string) => `"${e}"`, () => '*', () => undefined]) {
      const value = ifMatch(current.eTag);
      const result = await call(emulator, 'PATCH', '/flowers', {
        headers: value === undefined ? {} : { 'If-Match': value },
        body: { customProperties: { by: String(value) } },
      });
      expect(result.status, String(value)).toBe(200);
      expect(result.json.eTag).not.toBe(current.eTag);
      current = result.json;
    }
  });

  it.each([
    ['a stale eTag', () => 'stalestalestalestalestales'],
    ['a weak tag of the current eTag', (e: string) => `W/"${e}"`],
  ])('answers 412 PreconditionFailed to %s and changes nothing', async (_, ifMatch) => {
    const current = await register(emulator, 'flowers');
    const result = await call(emulator, 'PATCH', '/flowers', {
      headers: { 'If-Match': ifMatch(current.eTag) },
      body: { annotationKind: 'imageObjectDetection' },
    });
    expect(result.status).toBe(412);
    expect(result.json.error.code).toBe('PreconditionFailed');
    expect((await call(emulator, 'GET', '/flowers')).json).toEqual(current);
  });

  it('does not take an eTag in the body as a precondition', async () => {
    await register(emulator, 'flowers');
    const result = await call(emulator, 'PATCH', '/flowers', {
      body: { eTag: 'stalestalestalestalestales', annotationKind: 'imageObjectDetection' },
    });
    expect(result.status).toBe(200);
  });

  it('answers 404 for an unknown dataset, and 400 to an invalid body without changing anything', async () => {
    const missing = await call(emulator, 'PATCH', '/nothing', {
      body: { annotationKind: 'imageObjectDetection' },
    });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NotFound');
    const current = await register(emulator, 'flowers');
    const invalid = await call(emulator, 'PATCH', '/flowers', {
      body: { annotationFileUris: uris(11) },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({
      code: 'DatasetInvalidAnnotationUri',
      target: 'annotationFileUris',
    });
    const renamed = await call(emulator, 'PATCH', '/flowers', { body: { name: 'roses' } });
    expect(renamed.json.error.target).toBe('name');
    const unsupported = await call(emulator, 'PATCH', '/flowers', {
      body: {},
      contentType: 'text/plain',
    });
    expect(unsupported.status).toBe(415);
    expect((await call(emulator, 'GET', '/flowers')).json).toEqual(current);
  });
});

describe('Unregister (DELETE)', () => {
  it('answers 204 without a body, after which the dataset is gone', async () => {
    await register(emulator, 'flowers');
    const result = await call(emulator, 'DELETE', '/flowers');
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expect((await call(emulator, 'GET', '/flowers')).status).toBe(404);
    expect((await call(emulator, 'DELETE', '/flowers')).status).toBe(404);
  });

  it('answers 412 to a stale If-Match and keeps the dataset; applies with the eTag or "*"', async () => {
    const current = await register(emulator, 'flowers');
    const stale = await call(emulator, 'DELETE', '/flowers', {
      headers: { 'If-Match': 'stalestalestalestalestales' },
    });
    expect(stale.status).toBe(412);
    expect((await call(emulator, 'GET', '/flowers')).json).toEqual(current);
    expect(
      (await call(emulator, 'DELETE', '/flowers', { headers: { 'If-Match': `"${current.eTag}"` } }))
        .status,
    ).toBe(204);
    await register(emulator, 'flowers');
    expect(
      (await call(emulator, 'DELETE', '/flowers', { headers: { 'If-Match': '*' } })).status,
    ).toBe(204);
  });
});

describe('List', () => {
  async function registerMany(names: string[]) {
    await Promise.all(names.map((name) => register(emulator, name)));
  }
  const ordinalSort = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it('pages 25 datasets by 10 through absolute nextLinks, in a stable order', async () => {
    const names = Array.from(
      { length: 25 },
      (_, i) => `ds-${String((i * 7) % 25).padStart(2, '0')}`,
    );
    await registerMany(names);
    const walk = async () => {
      const pages: string[][] = [];
      let url: string | undefined = datasetsUrl(emulator, '', { top: '10' });
      while (url) {
        const page = await callUrl('GET', url);
        expect(page.status).toBe(200);
        const body = DatasetListPageSchema.parse(page.json);
        pages.push(body.value.map((d) => d.name));
        if (body.nextLink) {
          expect(body.nextLink.startsWith(`${emulator.url}/computervision/datasets?`)).toBe(true);
          const link = new URL(body.nextLink);
          expect(link.searchParams.get('api-version')).toBe('2023-02-01-preview');
          expect(link.searchParams.get('top')).toBe('10');
          expect(link.searchParams.get('skip')).toBe(String(pages.length * 10));
        }
        expect(pages.length).toBeLessThanOrEqual(3);
        url = body.nextLink;
      }
      return pages;
    };
    const pages = await walk();
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(ordinalSort(names));
    expect(await walk()).toEqual(pages);
  });

  it('sorts by name ordinally, not by locale', async () => {
    const names = ['apple', 'Zebra', '9', '10', 'a_b', 'a-b', 'a.b', 'B'];
    await registerMany(names);
    const list = await call(emulator, 'GET', '', { query: { top: '30' } });
    expect(list.json.value.map((d: { name: string }) => d.name)).toEqual([
      '10',
      '9',
      'B',
      'Zebra',
      'a-b',
      'a.b',
      'a_b',
      'apple',
    ]);
  });

  it('defaults to 10 per page, gives at most 30, and answers an empty page past the end', async () => {
    await registerMany(Array.from({ length: 31 }, (_, i) => `ds-${String(i).padStart(2, '0')}`));
    const byDefault = await call(emulator, 'GET', '');
    expect(byDefault.json.value).toHaveLength(10);
    expect(new URL(byDefault.json.nextLink).searchParams.get('skip')).toBe('10');
    const most = await call(emulator, 'GET', '', { query: { top: '30' } });
    expect(most.json.value).toHaveLength(30);
    expect(most.json.nextLink).toBeDefined();
    const last = await call(emulator, 'GET', '', { query: { top: '30', skip: '30' } });
    expect(last.json.value.map((d: { name: string }) => d.name)).toEqual(['ds-30']);
    expect(last.json).not.toHaveProperty('nextLink');
    const past = await call(emulator, 'GET', '', { query: { skip: '1000' } });
    expect(past.json).toEqual({ value: [] });
  });

  it.each([
    ['top', '31'],
    ['top', '0'],
    ['top', 'ten'],
    ['top', '1.5'],
    ['top', ''],
    ['skip', '-1'],
    ['skip', '2.0'],
    ['skip', '2147483648'],
  ])('answers 400 naming %s when it is "%s"', async (parameter, value) => {
    const result = await call(emulator, 'GET', '', { query: { [parameter]: value } });
    expect(result.status).toBe(400);
    expect(result.json.error).toMatchObject({ code: 'InvalidArgument', target: parameter });
    expect(result.json.error.message).toContain(parameter);
  });

  function listWithHost(host: string): Promise<{ status: number; nextLink?: string }> {
    const url = new URL(datasetsUrl(emulator, '', { top: '1' }));
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { headers: { Host: host, 'Ocp-Apim-Subscription-Key': TEST_KEY } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            const headers = Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
            );
            expect(
              validateResponse({
                method: 'GET',
                url: url.toString(),
                status: res.statusCode!,
                headers,
                body: text,
              }),
            ).toEqual([]);
            resolve({ status: res.statusCode!, nextLink: JSON.parse(text).nextLink });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('builds nextLink on the Host the client used, or on the listening address if that Host is odd', async () => {
    await registerMany(['a', 'b']);
    const viaProxy = await listWithHost('datasets.example:8443');
    expect(viaProxy.nextLink).toBe(
      'http://datasets.example:8443/computervision/datasets?api-version=2023-02-01-preview&skip=1&top=1',
    );
    const odd = await listWithHost('evil.example/phish?x=');
    expect(odd.nextLink?.startsWith(`${emulator.url}/computervision/datasets?`)).toBe(true);
  });
});

describe('seed', () => {
  it('adds realistic sample datasets of both kinds and every authentication kind', async () => {
    const seeded = await startTestEmulator({ seed: true });
    try {
      const list = await call(seeded, 'GET', '', { query: { top: '30' } });
      const datasets = DatasetListPageSchema.parse(list.json).value;
      expect(datasets.length).toBeGreaterThanOrEqual(5);
      expect(new Set(datasets.map((d) => d.annotationKind))).toEqual(
        new Set(['imageClassification', 'imageObjectDetection']),
      );
      const kinds = datasets.map((d) => d.authentication?.kind);
      expect(kinds).toContain('managedIdentity');
      expect(kinds.filter((k) => k === 'sas')).toHaveLength(1);
      expect(datasets.some((d) => d.customProperties)).toBe(true);
      for (const uri of datasets.flatMap((d) => d.annotationFileUris)) {
        expect(uri).toMatch(
          /^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\/[a-z0-9-]+\/.+\.json$/,
        );
      }
    } finally {
      await seeded.close();
    }
  });
});
