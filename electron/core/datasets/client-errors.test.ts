import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import type { AppError, Result } from '../../../shared/ipc/errors';
import { createDatasetsClient } from './client';
import {
  TEST_KEY,
  TEST_SAS_TOKEN,
  blobUri,
  closedPort,
  recordingFetch,
  recordingSleep,
  sampleFields,
  setFaults,
  startFaultyEmulator,
  testClient,
  uniqueName,
  visibleText,
} from '../../test-support/datasets-service';

let emulator: RunningEmulator;
/** Every error these tests saw, checked at the end for secrets. */
const seen: AppError[] = [];

beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => emulator.faults.clear());

function errorOf<T>(result: Result<T>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  seen.push(result.error);
  return result.error;
}

async function registered(name: string) {
  const { client } = testClient(emulator);
  const result = await client.registerDataset(name, sampleFields());
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('what the service refuses', () => {
  it('401: a wrong key says to check the key, without showing either key', async () => {
    const wrongKey = 'wrong-key-9876543210';
    const { client } = testClient(emulator, { key: wrongKey });
    const error = errorOf(await client.getDataset('anything'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'Unauthorized' });
    expect(error.message).toMatch(/refused the subscription key.*Check the key/);
    expect(visibleText(error)).not.toContain(wrongKey);
  });

  it('404: names the dataset that is missing', async () => {
    const { client } = testClient(emulator);
    const error = errorOf(await client.getDataset('no-such-dataset'));
    expect(error).toMatchObject({ kind: 'notFound', status: 404, code: 'NotFound' });
    expect(error.message).toContain('"no-such-dataset"');
    const update = errorOf(await client.updateDataset('no-such-dataset', {}, { ifMatch: 'x' }));
    expect(update.kind).toBe('notFound');
    const del = errorOf(await client.deleteDataset('no-such-dataset', { ifMatch: 'x' }));
    expect(del.kind).toBe('notFound');
  });

  it('409: says the name is taken and to choose another', async () => {
    const name = uniqueName('taken');
    await registered(name);
    const { client, recorder } = testClient(emulator);
    const error = errorOf(
      await client.registerDataset(name, sampleFields({ annotationKind: 'imageObjectDetection' })),
    );
    expect(error).toMatchObject({
      kind: 'alreadyExists',
      status: 409,
      code: 'DatasetAlreadyExists',
    });
    expect(error.message).toMatch(new RegExp(`"${name}" is taken.*Choose another name`));
    expect(recorder.count('PUT')).toBe(1);
  });

  it('412: says someone else changed the dataset, and leaves it as they saved it', async () => {
    const name = uniqueName('stale');
    const loaded = await registered(name);
    const { client } = testClient(emulator);
    const theirs = await client.updateDataset(
      name,
      { customProperties: { by: 'colleague' } },
      { ifMatch: loaded.eTag },
    );
    expect(theirs.ok).toBe(true);

    const error = errorOf(
      await client.updateDataset(
        name,
        { customProperties: { by: 'me' } },
        { ifMatch: loaded.eTag },
      ),
    );
    expect(error).toMatchObject({ kind: 'conflict', status: 412 });
    expect(error.message).toMatch(/Someone else changed dataset ".*" since you loaded it/);
    const now = await client.getDataset(name);
    expect(now.ok && now.value.customProperties).toEqual({ by: 'colleague' });

    const del = errorOf(await client.deleteDataset(name, { ifMatch: loaded.eTag }));
    expect(del).toMatchObject({ kind: 'conflict', status: 412 });
    expect(del.message).toMatch(/was not deleted/);
    expect((await client.getDataset(name)).ok).toBe(true);
  });

  it("400: gives the service's message, code and the fields it names", async () => {
    const { client, recorder } = testClient(emulator);
    const uris = Array.from({ length: 11 }, (_, i) => blobUri(i));
    // The client passes on what it is given: checking the fields is the form's job.
    const error = errorOf(
      await client.registerDataset(
        uniqueName('eleven'),
        sampleFields({ annotationFileUris: uris }),
      ),
    );
    expect(error).toMatchObject({
      kind: 'invalid',
      status: 400,
      code: 'DatasetInvalidAnnotationUri',
    });
    expect(error.message).toMatch(/annotationFileUris: At most 10 annotation file URIs/);
    expect(error.details).toEqual([
      { field: 'annotationFileUris', message: 'At most 10 annotation file URIs.' },
    ]);
    expect(recorder.count('PUT')).toBe(1);
  });

  it('400 on a list query names the parameter', async () => {
    const { client } = testClient(emulator);
    const error = errorOf(await client.listPage({ top: 31 }));
    expect(error).toMatchObject({ kind: 'invalid', status: 400, code: 'InvalidArgument' });
    expect(error.details).toEqual([
      { field: 'top', message: expect.stringMatching(/from 1 to 30/) },
    ]);
  });
});

describe('failures that last beyond the retries', () => {
  it('429: throttled with retryAfterSeconds, after every attempt waited as told', async () => {
    setFaults(emulator, { failNext: { status: 429, count: 10, retryAfterSeconds: 2 } });
    const { client, recorder, delays } = testClient(emulator);
    const error = errorOf(await client.getDataset('any'));
    expect(error).toMatchObject({ kind: 'throttled', status: 429, retryAfterSeconds: 2 });
    expect(error.message).toMatch(/too many requests.*Try again in 2 s/);
    expect(recorder.count('GET')).toBe(4);
    expect(delays).toEqual([2000, 2000, 2000]);
  });

  it.each([500, 502, 503, 504])(
    '%i: a server error, after 4 attempts with growing waits',
    async (status) => {
      setFaults(emulator, { failNext: { status, count: 10 } });
      const { client, recorder, delays } = testClient(emulator, {
        retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
        random: () => 1,
      });
      const error = errorOf(await client.listPage());
      expect(error).toMatchObject({ kind: 'server', status });
      expect(error.message).toMatch(new RegExp(`HTTP ${status}.*Try again`));
      expect(recorder.count('GET')).toBe(4);
      expect(delays).toEqual([100, 200, 400]);
    },
  );

  it('network: names the host and the cause, after retrying', async () => {
    const port = await closedPort();
    const recorder = recordingFetch();
    const { delays, sleep } = recordingSleep();
    const client = createDatasetsClient({
      endpoint: `http://127.0.0.1:${port}`,
      key: TEST_KEY,
      fetch: recorder.fetch,
      sleep,
    });
    const error = errorOf(await client.getDataset('any'));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      `Cannot reach 127.0.0.1:${port}: the connection was refused (nothing is listening there). Check the endpoint and your network.`,
    );
    expect(recorder.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('network: a write that never left is not settled by reading, and says so plainly', async () => {
    const port = await closedPort();
    const recorder = recordingFetch();
    const client = createDatasetsClient({
      endpoint: `http://127.0.0.1:${port}/`,
      key: TEST_KEY,
      fetch: recorder.fetch,
      sleep: () => Promise.resolve(),
    });
    const error = errorOf(
      await client.updateDataset('a', { annotationKind: 'imageClassification' }),
    );
    expect(error.kind).toBe('network');
    expect(recorder.requests.map((r) => r.method)).toEqual(['PATCH']);
  });

  it('timeout: says how long it waited, per attempt', async () => {
    setFaults(emulator, { latencyMs: 400 });
    const { client, recorder } = testClient(emulator, { timeoutMs: 50, retry: { attempts: 2 } });
    const started = Date.now();
    const error = errorOf(await client.getDataset('any'));
    expect(error).toEqual({
      kind: 'timeout',
      message: `127.0.0.1:${emulator.port} did not answer within 0.05 s.`,
    });
    expect(recorder.count('GET')).toBe(2);
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('timeout: a save that may have landed says it may or may not have been saved', async () => {
    const name = uniqueName('slow-save');
    const loaded = await registered(name);
    setFaults(emulator, { latencyMs: 300 });
    const { client } = testClient(emulator, { timeoutMs: 50, retry: { attempts: 2 } });
    const error = errorOf(
      await client.updateDataset(name, { customProperties: { a: 'b' } }, { ifMatch: loaded.eTag }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(
      /did not answer within 0.05 s\. .*may or may not have been saved/,
    );
  });
});

describe('answers the app cannot use', () => {
  function answering(response: () => Response) {
    return testClient(emulator, { recorder: recordingFetch(fetch, async () => response()) });
  }

  it('a success that is not a dataset is a server error that says so', async () => {
    const { client } = answering(() => Response.json({ name: 'x', annotationKind: 'video' }));
    const error = errorOf(await client.getDataset('x'));
    expect(error).toMatchObject({ kind: 'server', status: 200 });
    expect(error.message).toMatch(/data this app does not understand \(annotationKind: /);
  });

  it('a success that is not JSON (a sign-in page, say) is a server error', async () => {
    const { client } = answering(() => new Response('<html>Sign in</html>', { status: 200 }));
    const error = errorOf(await client.listPage());
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/not JSON/);
  });

  it('a redirect is not followed: the key would go with it', async () => {
    const keysSeenByTarget: unknown[] = [];
    const target = createServer((req, res) => {
      keysSeenByTarget.push(req.headers['ocp-apim-subscription-key']);
      res.end('{}');
    });
    const redirector = createServer((req, res) => {
      const port = (target.address() as AddressInfo).port;
      res.writeHead(307, { Location: `http://127.0.0.1:${port}${req.url}` }).end();
    });
    await Promise.all(
      [target, redirector].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))),
    );
    try {
      const { port } = redirector.address() as AddressInfo;
      const client = createDatasetsClient({
        endpoint: `http://127.0.0.1:${port}`,
        key: TEST_KEY,
        fetch,
      });
      const error = errorOf(await client.getDataset('x'));
      expect(error).toMatchObject({ kind: 'invalidEndpoint', status: 307 });
      expect(error.message).toMatch(/redirected the request to http:\/\/127\.0\.0\.1:\d+\//);
      expect(keysSeenByTarget).toEqual([]);
    } finally {
      target.close();
      redirector.close();
    }
  });
});

describe('secrets', () => {
  it('never shows the key or a SAS token, even when the service echoes them', async () => {
    const echoing = recordingFetch(fetch, async (request) => {
      const body = {
        error: {
          code: 'InvalidArgument',
          message: `Bad key ${TEST_KEY} for token ${TEST_SAS_TOKEN} (sig=abcdef)`,
          details: [{ code: 'X', message: `token ${TEST_SAS_TOKEN}`, target: 'authentication' }],
        },
      };
      expect(request.method).toBe('PUT');
      return new Response(JSON.stringify(body), { status: 400 });
    });
    const { client } = testClient(emulator, { recorder: echoing });
    const error = errorOf(
      await client.registerDataset(
        'a',
        sampleFields({ authentication: { kind: 'sas', sasToken: TEST_SAS_TOKEN } }),
      ),
    );
    expect(error.message).toContain('[hidden]');
    expect(error.details?.[0]?.message).toContain('[hidden]');
  });

  it('no error seen in these tests holds the key or a SAS signature', () => {
    expect(seen.length).toBeGreaterThanOrEqual(15);
    for (const error of seen) {
      const text = visibleText(error);
      expect(text).not.toContain(TEST_KEY);
      expect(text).not.toContain(TEST_SAS_TOKEN);
      expect(text).not.toMatch(/sig=(?!\[hidden\])/);
    }
  });
});
