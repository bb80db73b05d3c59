import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import type { Dataset } from '../../../shared/contract/dataset';
import type { Result } from '../../../shared/ipc/errors';
import {
  TEST_KEY,
  recordingFetch,
  sampleFields,
  setFaults,
  startFaultyEmulator,
  testClient,
  uniqueName,
} from '../../test-support/datasets-service';
import type { RecordedRequest } from '../../test-support/datasets-service';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startFaultyEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function registered(name: string): Promise<Dataset> {
  return valueOf(await testClient(emulator).client.registerDataset(name, sampleFields()));
}

/** What the service holds now, read past the client under test. */
async function current(name: string): Promise<Dataset | undefined> {
  const result = await testClient(emulator).client.getDataset(name);
  return result.ok ? result.value : undefined;
}

const methods = (requests: RecordedRequest[]) => requests.map((r) => r.method);

/** Lets the first request of `method` reach the service, then loses its answer. */
function answerLostOnce(method: string, replacement: () => Promise<Response>) {
  let lost = false;
  return recordingFetch(fetch, async (request, send) => {
    const response = await send();
    if (request.method !== method || lost) return response;
    lost = true;
    await response.arrayBuffer();
    return replacement();
  });
}

describe('reads retry what is worth retrying', () => {
  it('waits as long as Retry-After says after a 503, then succeeds', async () => {
    const name = uniqueName('busy');
    await registered(name);
    setFaults(emulator, { failNext: { status: 503, count: 1, retryAfterSeconds: 1 } });
    const { client, recorder, delays } = testClient(emulator);

    expect(valueOf(await client.getDataset(name)).name).toBe(name);
    expect(delays).toEqual([1000]);
    expect(recorder.count('GET')).toBe(2);
  });

  it('caps a long Retry-After at maxDelayMs and keeps retrying within the attempts', async () => {
    setFaults(emulator, { failNext: { status: 429, count: 2, retryAfterSeconds: 600 } });
    const { client, delays } = testClient(emulator, {
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 5_000 },
    });
    expect(valueOf(await client.listPage()).value).toBeDefined();
    expect(delays).toEqual([5000, 5000]);
  });

  it('retries a connection reset on GET', async () => {
    const name = uniqueName('reset');
    await registered(name);
    setFaults(emulator, { resetNext: 2 });
    const { client, recorder, delays } = testClient(emulator, { random: () => 0 });

    expect(valueOf(await client.getDataset(name)).name).toBe(name);
    expect(recorder.count('GET')).toBe(3);
    // Exponential backoff with jitter between half and all of 200 ms, 400 ms.
    expect(delays).toEqual([100, 200]);
  });

  it('retries a GET whose answer was cut in the middle', async () => {
    const name = uniqueName('cut-read');
    await registered(name);
    setFaults(emulator, { resetMidResponseNext: 1 });
    const { client, recorder } = testClient(emulator);
    expect(valueOf(await client.getDataset(name)).name).toBe(name);
    expect(recorder.count('GET')).toBe(2);
  });

  it('does not retry a 400, a 401 or a 404', async () => {
    const { client, recorder } = testClient(emulator);
    await client.getDataset('missing');
    setFaults(emulator, { failNext: { status: 400, count: 1 } });
    await client.listPage();
    await testClient(emulator, { key: 'wrong', recorder }).client.listPage();
    expect(recorder.count('GET')).toBe(3);
  });
});

describe('a save whose answer was lost', () => {
  it('with If-Match: settled by reading, saved once, no second PATCH', async () => {
    const name = uniqueName('lost-patch');
    const loaded = await registered(name);
    setFaults(emulator, { resetMidResponseNext: 1 });
    const { client, recorder } = testClient(emulator);

    const saved = valueOf(
      await client.updateDataset(name, { customProperties: { v: '2' } }, { ifMatch: loaded.eTag }),
    );

    expect(saved.customProperties).toEqual({ v: '2' });
    expect(methods(recorder.requests)).toEqual(['PATCH', 'GET']);
    const now = await current(name);
    expect(now?.eTag).toBe(saved.eTag);
    expect(now?.eTag).not.toBe(loaded.eTag);
    // One write moves updatedDateTime once; a second would have moved it again.
    expect(now?.updatedDateTime).toBe(saved.updatedDateTime);
  });

  it('without If-Match: settled by the same read, and never sent twice', async () => {
    const name = uniqueName('lost-blind');
    await registered(name);
    setFaults(emulator, { resetMidResponseNext: 1 });
    const { client, recorder } = testClient(emulator);

    const saved = valueOf(
      await client.updateDataset(name, { annotationKind: 'imageObjectDetection' }),
    );

    expect(saved.annotationKind).toBe('imageObjectDetection');
    expect(recorder.count('PATCH')).toBe(1);
  });

  it('that never reached the dataset: the read shows the loaded eTag, so it is sent again', async () => {
    const name = uniqueName('reset-patch');
    const loaded = await registered(name);
    setFaults(emulator, { resetNext: 1 });
    const { client, recorder } = testClient(emulator);

    const saved = valueOf(
      await client.updateDataset(name, { customProperties: { v: '3' } }, { ifMatch: loaded.eTag }),
    );

    expect(methods(recorder.requests)).toEqual(['PATCH', 'GET', 'PATCH']);
    expect(recorder.requests[2]?.headers['if-match']).toBe(loaded.eTag);
    expect((await current(name))?.customProperties).toEqual({ v: '3' });
    expect(saved.eTag).toBe((await current(name))?.eTag);
  });

  it('without If-Match and not applied: not sent again, and says the save may not have happened', async () => {
    const name = uniqueName('reset-blind');
    await registered(name);
    setFaults(emulator, { resetNext: 1 });
    const { client, recorder } = testClient(emulator);

    const result = await client.updateDataset(name, { customProperties: { v: 'x' } });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('network');
      expect(result.error.message).toMatch(/^Cannot reach .*may or may not have been saved/);
    }
    expect(recorder.count('PATCH')).toBe(1);
    expect((await current(name))?.customProperties).toEqual({ team: 'botany' });
  });

  it('when someone else saved right after: a conflict, not an overwrite', async () => {
    const name = uniqueName('lost-then-theirs');
    const loaded = await registered(name);
    const colleague = testClient(emulator).client;
    const recorder = recordingFetch(fetch, async (request, send) => {
      const response = await send();
      if (request.method !== 'PATCH') return response;
      await response.arrayBuffer();
      const mine = await current(name);
      await colleague.updateDataset(
        name,
        { annotationKind: 'imageObjectDetection', customProperties: { by: 'them' } },
        { ifMatch: mine?.eTag ?? '' },
      );
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
      });
    });
    const { client } = testClient(emulator, { recorder });

    const result = await client.updateDataset(
      name,
      { customProperties: { by: 'me' } },
      { ifMatch: loaded.eTag },
    );

    expect(result.ok ? 'saved' : result.error.kind).toBe('conflict');
    expect(recorder.count('PATCH')).toBe(1);
    expect((await current(name))?.customProperties).toEqual({ by: 'them' });
  });

  it('a 412 on a retried PATCH is settled by reading: the first attempt had landed', async () => {
    const name = uniqueName('landed-502');
    const loaded = await registered(name);
    // The gateway lost the answer after the service applied the change.
    const recorder = answerLostOnce(
      'PATCH',
      async () => new Response('Bad gateway', { status: 502 }),
    );
    const { client } = testClient(emulator, { recorder });

    const saved = valueOf(
      await client.updateDataset(name, { customProperties: { v: '4' } }, { ifMatch: loaded.eTag }),
    );

    expect(methods(recorder.requests)).toEqual(['PATCH', 'PATCH', 'GET']);
    expect(saved.customProperties).toEqual({ v: '4' });
    expect(saved.eTag).toBe((await current(name))?.eTag);
  });

  it('with If-Match, a 429 or 503 is retried: nothing was applied', async () => {
    const name = uniqueName('busy-patch');
    const loaded = await registered(name);
    setFaults(emulator, { failNext: { status: 429, count: 1, retryAfterSeconds: 0 } });
    const { client, recorder } = testClient(emulator);
    const first = valueOf(
      await client.updateDataset(name, { customProperties: { v: '5' } }, { ifMatch: loaded.eTag }),
    );
    setFaults(emulator, { failNext: { status: 503, count: 1 } });
    const second = valueOf(
      await client.updateDataset(name, { customProperties: { v: '6' } }, { ifMatch: first.eTag }),
    );
    expect(second.customProperties).toEqual({ v: '6' });
    expect(recorder.count('PATCH')).toBe(4);
  });

  it('without If-Match, a 503 is not retried', async () => {
    const name = uniqueName('busy-blind');
    await registered(name);
    setFaults(emulator, { failNext: { status: 503, count: 1 } });
    const { client, recorder, delays } = testClient(emulator);

    const result = await client.updateDataset(name, { customProperties: { v: '7' } });

    expect(result.ok ? 'saved' : result.error).toMatchObject({ kind: 'server', status: 503 });
    expect(recorder.count('PATCH')).toBe(1);
    expect(delays).toEqual([]);
    expect((await current(name))?.customProperties).toEqual({ team: 'botany' });
  });
});

describe('a delete whose answer was lost', () => {
  it('is settled by reading: gone means deleted', async () => {
    const name = uniqueName('lost-delete');
    const loaded = await registered(name);
    setFaults(emulator, { resetMidResponseNext: 1 });
    const { client, recorder } = testClient(emulator);

    expect(await client.deleteDataset(name, { ifMatch: loaded.eTag })).toEqual({
      ok: true,
      value: null,
    });
    expect(methods(recorder.requests)).toEqual(['DELETE', 'GET']);
    expect(await current(name)).toBeUndefined();
  });

  it('that never arrived is sent again when the eTag is unchanged', async () => {
    const name = uniqueName('reset-delete');
    const loaded = await registered(name);
    setFaults(emulator, { resetNext: 1 });
    const { client, recorder } = testClient(emulator);

    expect((await client.deleteDataset(name, { ifMatch: loaded.eTag })).ok).toBe(true);
    expect(methods(recorder.requests)).toEqual(['DELETE', 'GET', 'DELETE']);
    expect(await current(name)).toBeUndefined();
  });

  it('a 404 on a retry after a landed attempt is success', async () => {
    const name = uniqueName('landed-delete');
    const loaded = await registered(name);
    const recorder = answerLostOnce('DELETE', async () => new Response(null, { status: 504 }));
    const { client } = testClient(emulator, { recorder });
    expect((await client.deleteDataset(name, { ifMatch: loaded.eTag })).ok).toBe(true);
    expect(methods(recorder.requests)).toEqual(['DELETE', 'DELETE', 'GET']);
  });
});

describe('a register whose answer was lost', () => {
  it('is settled by reading: ours means registered, with one PUT', async () => {
    const name = uniqueName('lost-put');
    setFaults(emulator, { resetMidResponseNext: 1 });
    const { client, recorder } = testClient(emulator);

    const dataset = valueOf(await client.registerDataset(name, sampleFields()));

    expect(dataset).toMatchObject({ name, ...sampleFields() });
    expect(methods(recorder.requests)).toEqual(['PUT', 'GET']);
  });

  it('that never arrived is sent once more', async () => {
    const name = uniqueName('reset-put');
    setFaults(emulator, { resetNext: 1 });
    const { client, recorder } = testClient(emulator);

    expect(valueOf(await client.registerDataset(name, sampleFields())).name).toBe(name);
    expect(methods(recorder.requests)).toEqual(['PUT', 'GET', 'PUT']);
  });

  it('a 409 on a retry whose read shows our values is success', async () => {
    const name = uniqueName('landed-put');
    const recorder = answerLostOnce('PUT', async () => new Response(null, { status: 502 }));
    const { client } = testClient(emulator, { recorder });

    const dataset = valueOf(await client.registerDataset(name, sampleFields()));

    expect(dataset.name).toBe(name);
    expect(methods(recorder.requests)).toEqual(['PUT', 'PUT', 'GET']);
  });

  it("a lost answer and someone else's dataset under the name: the name is taken", async () => {
    const name = uniqueName('lost-theirs');
    await testClient(emulator).client.registerDataset(
      name,
      sampleFields({ annotationKind: 'imageObjectDetection' }),
    );
    const recorder = recordingFetch(fetch, async (request, send) => {
      if (request.method !== 'PUT') return send();
      await (await send()).arrayBuffer();
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }),
      });
    });
    const { client } = testClient(emulator, { recorder });
    const result = await client.registerDataset(name, sampleFields());
    expect(result.ok ? 'registered' : result.error.kind).toBe('alreadyExists');
    expect(recorder.count('PUT')).toBe(1);
  });
});

describe('the key', () => {
  it('goes only to the endpoint, in its header', async () => {
    const { client, recorder } = testClient(emulator);
    await client.listAll({ pageSize: 5 });
    await client.getDataset('missing');
    for (const request of recorder.requests) {
      expect(request.url.origin).toBe(emulator.url);
      expect(request.headers['ocp-apim-subscription-key']).toBe(TEST_KEY);
      expect(request.url.href).not.toContain(TEST_KEY);
    }
  });
});
