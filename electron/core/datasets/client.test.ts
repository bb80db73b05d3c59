import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import type { Dataset } from '../../../shared/contract/dataset';
import { createDatasetsClient } from './client';
import {
  TEST_KEY,
  TEST_SAS_TOKEN,
  recordingFetch,
  sampleFields,
  startFaultyEmulator,
  testClient,
  uniqueName,
} from '../../test-support/datasets-service';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('every operation against the emulator', () => {
  it('registers a dataset and sends what the contract asks for', async () => {
    const { client, recorder } = testClient(emulator);
    const name = uniqueName('register');
    const fields = sampleFields({ authentication: { kind: 'sas', sasToken: TEST_SAS_TOKEN } });

    const dataset = expectOk(await client.registerDataset(name, fields));

    expect(dataset).toMatchObject({ name, ...fields });
    expect(dataset.eTag).not.toBe('');
    const [put] = recorder.requests;
    expect(recorder.requests).toHaveLength(1);
    expect(put?.method).toBe('PUT');
    expect(put?.url.origin).toBe(emulator.url);
    expect(put?.url.pathname).toBe(`/computervision/datasets/${name}`);
    expect(put?.url.searchParams.get('api-version')).toBe('2023-02-01-preview');
    expect(put?.headers).toMatchObject({
      'ocp-apim-subscription-key': TEST_KEY,
      accept: 'application/json',
      'content-type': 'application/json-patch+json',
    });
    expect(put?.headers['if-match']).toBeUndefined();
    expect(JSON.parse(put?.body ?? '')).toEqual(fields);
  });

  it('gets a dataset with the key, Accept and api-version, and no body', async () => {
    const { client, recorder } = testClient(emulator);
    const name = uniqueName('get');
    const registered = expectOk(await client.registerDataset(name, sampleFields()));
    recorder.clear();

    expect(expectOk(await client.getDataset(name))).toEqual(registered);

    const [get] = recorder.requests;
    expect(get?.method).toBe('GET');
    expect(get?.url.pathname).toBe(`/computervision/datasets/${name}`);
    expect(get?.url.search).toBe('?api-version=2023-02-01-preview');
    expect(get?.headers['ocp-apim-subscription-key']).toBe(TEST_KEY);
    expect(get?.headers.accept).toBe('application/json');
    expect(get?.headers['content-type']).toBeUndefined();
    expect(get?.body).toBeUndefined();
  });

  it('updates with If-Match and a body of only the editable properties it was given', async () => {
    const { client, recorder } = testClient(emulator);
    const name = uniqueName('update');
    const loaded = expectOk(await client.registerDataset(name, sampleFields()));
    recorder.clear();

    // A caller that passes a whole edited dataset: the read-only parts must not be sent.
    const edited = {
      ...loaded,
      customProperties: { team: 'zoology', owner: 'li' },
      extra: 'not a property',
    } as Dataset;
    const saved = expectOk(await client.updateDataset(name, edited, { ifMatch: loaded.eTag }));

    expect(saved.customProperties).toEqual({ team: 'zoology', owner: 'li' });
    expect(saved.annotationFileUris).toEqual(loaded.annotationFileUris);
    expect(saved.eTag).not.toBe(loaded.eTag);
    const [patch] = recorder.requests;
    expect(recorder.requests).toHaveLength(1);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers['if-match']).toBe(loaded.eTag);
    expect(patch?.headers['content-type']).toBe('application/json-patch+json');
    expect(patch?.url.searchParams.get('api-version')).toBe('2023-02-01-preview');
    const body = JSON.parse(patch?.body ?? '') as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'annotationFileUris',
      'annotationKind',
      'customProperties',
    ]);
    for (const readOnly of ['name', 'eTag', 'createdDateTime', 'updatedDateTime', 'extra']) {
      expect(body).not.toHaveProperty(readOnly);
    }
  });

  it('sends a diff alone and leaves the other properties as they were', async () => {
    const { client, recorder } = testClient(emulator);
    const name = uniqueName('patch-one');
    const loaded = expectOk(
      await client.registerDataset(name, sampleFields({ authentication: { kind: 'none' } })),
    );
    recorder.clear();

    const saved = expectOk(
      await client.updateDataset(
        name,
        { annotationKind: 'imageObjectDetection' },
        { ifMatch: loaded.eTag },
      ),
    );

    expect(JSON.parse(recorder.requests[0]?.body ?? '')).toEqual({
      annotationKind: 'imageObjectDetection',
    });
    expect(saved).toMatchObject({
      annotationKind: 'imageObjectDetection',
      authentication: { kind: 'none' },
      customProperties: loaded.customProperties,
    });
  });

  it('deletes with If-Match; the dataset is then gone', async () => {
    const { client, recorder } = testClient(emulator);
    const name = uniqueName('delete');
    const loaded = expectOk(await client.registerDataset(name, sampleFields()));
    recorder.clear();

    expect(await client.deleteDataset(name, { ifMatch: loaded.eTag })).toEqual({
      ok: true,
      value: null,
    });

    const [del] = recorder.requests;
    expect(del?.method).toBe('DELETE');
    expect(del?.headers['if-match']).toBe(loaded.eTag);
    expect(del?.headers['ocp-apim-subscription-key']).toBe(TEST_KEY);
    expect(del?.body).toBeUndefined();
    const after = await client.getDataset(name);
    expect(after.ok ? 'found' : after.error.kind).toBe('notFound');
  });

  it('lists one page by skip and top', async () => {
    const { client, recorder } = testClient(emulator);
    const prefix = uniqueName('page');
    for (const i of [0, 1, 2]) {
      expectOk(await client.registerDataset(`${prefix}-${i}`, sampleFields()));
    }
    recorder.clear();

    const page = expectOk(await client.listPage({ skip: 0, top: 2 }));

    expect(page.value).toHaveLength(2);
    expect(page.nextLink).toBeDefined();
    const [list] = recorder.requests;
    expect(list?.url.pathname).toBe('/computervision/datasets');
    expect(Object.fromEntries(list?.url.searchParams ?? [])).toEqual({
      'api-version': '2023-02-01-preview',
      skip: '0',
      top: '2',
    });
    expect(list?.headers['ocp-apim-subscription-key']).toBe(TEST_KEY);
  });
});

describe('the endpoint', () => {
  it.each([
    ['without a trailing slash', (url: string) => url],
    ['with a trailing slash', (url: string) => `${url}/`],
    ['with spaces around it', (url: string) => `  ${url}/ `],
    ['as localhost', (url: string) => url.replace('127.0.0.1', 'localhost')],
  ])('works %s', async (_label, endpointOf) => {
    const recorder = recordingFetch();
    const client = createDatasetsClient({
      endpoint: endpointOf(emulator.url),
      key: TEST_KEY,
      fetch: recorder.fetch,
    });
    expectOk(await client.listPage({ top: 1 }));
    expect(recorder.requests[0]?.url.pathname).toBe('/computervision/datasets');
  });

  it.each([
    ['ftp://example.com/', /must start with https:\/\/, not ftp:\/\//],
    ['http://contoso.cognitiveservices.azure.com/', /plain http:\/\/ is allowed only/],
    ['https://user:pw@contoso.cognitiveservices.azure.com/', /Remove the user name and password/],
    ['https://contoso.cognitiveservices.azure.com/?a=1', /Remove the query/],
    ['https://contoso.cognitiveservices.azure.com/#x', /Remove the fragment/],
    ['contoso', /must be a full address/],
  ])('refuses %s on every operation without sending anything', async (endpoint, message) => {
    const recorder = recordingFetch();
    const client = createDatasetsClient({ endpoint, key: TEST_KEY, fetch: recorder.fetch });
    const results = await Promise.all([
      client.getDataset('a'),
      client.registerDataset('a', sampleFields()),
      client.updateDataset('a', {}, { ifMatch: 'x' }),
      client.deleteDataset('a', { ifMatch: 'x' }),
      client.listPage(),
      client.listAll(),
    ]);
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind).toBe('invalidEndpoint');
      expect(result.error.message).toMatch(message);
    }
    expect(recorder.requests).toEqual([]);
  });
});

describe('dataset names', () => {
  it.each(['', '..', 'has space', 'a/b', '-x', 'ü'])(
    'refuses %j before sending, since it would change the path',
    async (name) => {
      const { client, recorder } = testClient(emulator);
      const result = await client.getDataset(name);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('invalid');
        expect(result.error.details?.[0]?.field).toBe('name');
      }
      expect(recorder.requests).toEqual([]);
    },
  );
});
