import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import type { ActivityEntry } from '../../../shared/activity/activity-types';
import {
  TEST_KEY,
  TEST_SAS_TOKEN,
  closedPort,
  sampleFields,
  startFaultyEmulator,
  testClient,
  uniqueName,
} from '../../test-support/datasets-service';
import { loggedFetch } from './logged-fetch';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(() => emulator.close());

function logging() {
  const entries: ActivityEntry[] = [];
  return { entries, add: (entry: ActivityEntry) => void entries.push(entry) };
}

/** Every secret in every form it could take in the log's JSON. */
function expectNoSecrets(entries: ActivityEntry[], secrets: string[]) {
  const text = JSON.stringify(entries);
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe('the datasets client through loggedFetch', () => {
  it('logs each request with its status, request id and error code, and never the key or token', async () => {
    const log = logging();
    const { client } = testClient(emulator, {
      fetch: loggedFetch(globalThis.fetch, log, { kind: 'datasets' }),
      retry: { attempts: 1 },
    });
    const name = uniqueName('logged');
    const fields = sampleFields({ authentication: { kind: 'sas', sasToken: TEST_SAS_TOKEN } });
    const registered = await client.registerDataset(name, fields);
    expect(registered.ok).toBe(true);
    const stale = await client.updateDataset(
      name,
      { customProperties: { team: 'zoology' } },
      { ifMatch: '"not-the-etag"' },
    );
    expect(stale.ok).toBe(false);
    // The client still read the answer's body: the message names the conflict.
    expect(!stale.ok && stale.error.kind).toBe('conflict');

    const [put, patch] = log.entries;
    expect(put).toMatchObject({
      method: 'PUT',
      service: 'datasets',
      status: 201,
      dataset: name,
      path: expect.stringContaining(`/computervision/datasets/${name}?api-version=`),
      requestId: expect.stringMatching(/\S/),
    });
    expect(put?.recipe.keyHeader).toBe('Ocp-Apim-Subscription-Key');
    expect(put?.recipe.body).toMatchObject({
      kind: 'json',
      sasTokenPaths: [['authentication', 'sasToken']],
    });
    expect(patch).toMatchObject({ method: 'PATCH', status: 412, errorCode: 'PreconditionFailed' });
    expect(patch?.recipe.headers).toContainEqual(['If-Match', '"not-the-etag"']);
    expectNoSecrets(log.entries, [TEST_KEY, TEST_SAS_TOKEN, 'S3cr3tS1gnatur3']);
  });

  it('logs a request that got no answer, and the caller still gets the error', async () => {
    const log = logging();
    const port = await closedPort();
    const fetchLogged = loggedFetch(globalThis.fetch, log, { kind: 'datasets' });
    await expect(
      fetchLogged(`http://127.0.0.1:${port}/computervision/datasets?api-version=1`),
    ).rejects.toThrow();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ method: 'GET', host: `127.0.0.1:${port}` });
    expect(log.entries[0]?.status).toBeUndefined();
    expect(log.entries[0]?.failure).toMatch(/\S/);
  });
});

describe('storage requests through loggedFetch', () => {
  const fake = (status: number, headers: Record<string, string>, body = '') =>
    (async () => new Response(body === '' ? null : body, { status, headers })) as typeof fetch;

  it('keeps the SAS parameters’ names, not their values, and the error code', async () => {
    const log = logging();
    const token = 'sv=2024-05-04&ss=b&sp=rl&se=2031-01-01T00%3A00%3A00Z&sig=AbCdEfGh1234%2B%3D';
    const fetchLogged = loggedFetch(
      fake(403, { 'x-ms-request-id': 'req-1', 'x-ms-error-code': 'AuthenticationFailed' }, 'no'),
      log,
      { kind: 'storage' },
    );
    const response = await fetchLogged(
      `https://acct.blob.core.windows.net/c/coco.json?comp=list&${token}`,
      { method: 'HEAD', headers: { 'x-ms-version': '2023-11-03' } },
    );
    expect(await response.text()).toBe('no');
    const [entry] = log.entries;
    expect(entry).toMatchObject({
      service: 'storage',
      status: 403,
      requestId: 'req-1',
      errorCode: 'AuthenticationFailed',
      path: '/c/coco.json?comp=list&sv=…&ss=…&sp=…&se=…&sig=…',
    });
    expect(entry?.recipe).toMatchObject({
      url: 'https://acct.blob.core.windows.net/c/coco.json?comp=list',
      sasTokenInUrl: true,
    });
    expectNoSecrets(log.entries, ['AbCdEfGh1234', 'AbCdEfGh1234+=']);
  });

  it('reads the error code from a JSON error body, leaving the body to the caller', async () => {
    const log = logging();
    const body = JSON.stringify({ error: { code: 'InvalidRequest', message: 'bad' } });
    const fetchLogged = loggedFetch(fake(400, { 'content-type': 'application/json' }, body), log, {
      kind: 'datasets',
    });
    const response = await fetchLogged(
      'https://x.cognitiveservices.azure.com/computervision/datasets',
    );
    expect(await response.text()).toBe(body);
    expect(log.entries[0]?.errorCode).toBe('InvalidRequest');
  });
});
