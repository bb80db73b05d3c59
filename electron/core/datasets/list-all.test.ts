import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/server';
import type { RunningEmulator } from '../../../emulator/server';
import type { Dataset } from '../../../shared/contract/dataset';
import type { ListProgress } from './client';
import { TEST_KEY, recordingFetch, sampleFields, setFaults, testClient } from './test-support';

let emulator: RunningEmulator;
const TOTAL = 95;
const names = Array.from({ length: TOTAL }, (_, i) => `set-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, key: TEST_KEY, faults: true });
  const { client } = testClient(emulator);
  await Promise.all(names.map((name) => client.registerDataset(name, sampleFields())));
});
afterAll(() => emulator.close());
beforeEach(() => emulator.faults.clear());

function pagesRecorder() {
  const log: string[] = [];
  const pages: { items: Dataset[]; progress: ListProgress }[] = [];
  const onPage = (items: Dataset[], progress: ListProgress) => {
    log.push(`page ${progress.pageIndex}`);
    pages.push({ items, progress });
  };
  return { log, pages, onPage };
}

describe('listAll', () => {
  it('delivers every dataset in order, page by page, as pages arrive', async () => {
    setFaults(emulator, { latencyMs: 15 });
    const { log, pages, onPage } = pagesRecorder();
    const recorder = recordingFetch(fetch, async (request, send) => {
      log.push(`request skip=${request.url.searchParams.get('skip')}`);
      return send();
    });
    const { client } = testClient(emulator, { recorder });

    const result = await client.listAll({ onPage, pageSize: 10, concurrency: 3 });

    expect(result.ok && result.value.map((d) => d.name)).toEqual(names);
    expect(pages.map((p) => p.progress)).toEqual(
      Array.from({ length: 10 }, (_, i) => ({
        pageIndex: i,
        loaded: Math.min(TOTAL, (i + 1) * 10),
      })),
    );
    expect(pages.flatMap((p) => p.items.map((d) => d.name))).toEqual(names);
    // The first rows can be shown while the rest is still on its way.
    expect(log.indexOf('page 0')).toBeGreaterThan(-1);
    expect(log.indexOf('page 0')).toBeLessThan(log.indexOf('request skip=90'));
    expect(log[0]).toBe('request skip=0');
    expect(log[1]).toBe('page 0');
    for (const request of recorder.requests) {
      expect(request.url.searchParams.get('top')).toBe('10');
      expect(Number(request.url.searchParams.get('skip')) % 10).toBe(0);
    }
  });

  it('keeps at most `concurrency` requests in flight, and uses them', async () => {
    setFaults(emulator, { latencyMs: 20 });
    const { client, recorder } = testClient(emulator);
    const result = await client.listAll({ pageSize: 10, concurrency: 3 });
    expect(result.ok && result.value).toHaveLength(TOTAL);
    expect(recorder.maxInFlight()).toBe(3);
    // Asking ahead costs at most a window of pages past the end.
    expect(recorder.requests.length).toBeLessThanOrEqual(10 + 3);
  });

  it('one request at a time when concurrency is 1, and none past the end', async () => {
    const { client, recorder } = testClient(emulator);
    const result = await client.listAll({ pageSize: 30, concurrency: 1 });
    expect(result.ok && result.value).toHaveLength(TOTAL);
    expect(recorder.maxInFlight()).toBe(1);
    expect(recorder.requests.map((r) => r.url.searchParams.get('skip'))).toEqual([
      '0',
      '30',
      '60',
      '90',
    ]);
  });

  it('retries a throttled page and still delivers everything in order', async () => {
    const statuses: number[] = [];
    const recorder = recordingFetch(fetch, async (_request, send) => {
      const response = await send();
      statuses.push(response.status);
      return response;
    });
    const { client, delays } = testClient(emulator, { recorder });
    const { pages, onPage } = pagesRecorder();
    const result = await client.listAll({
      pageSize: 10,
      concurrency: 4,
      onPage: (items, progress) => {
        if (progress.pageIndex === 0) {
          setFaults(emulator, { failNext: { status: 429, count: 2, retryAfterSeconds: 1 } });
        }
        onPage(items, progress);
      },
    });
    expect(result.ok && result.value.map((d) => d.name)).toEqual(names);
    expect(pages.map((p) => p.progress.pageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Requests of earlier tests that were cancelled may still meet a fault on the emulator.
    const throttled = statuses.filter((status) => status === 429).length;
    expect(throttled).toBeGreaterThanOrEqual(1);
    expect(delays).toEqual(Array.from({ length: throttled }, () => 1000));
  });

  it('fails as a whole when a page keeps failing, after the pages before it', async () => {
    const { client } = testClient(emulator, { retry: { attempts: 2 } });
    const { pages, onPage } = pagesRecorder();
    const result = await client.listAll({
      pageSize: 10,
      concurrency: 2,
      onPage: (items, progress) => {
        if (progress.pageIndex === 0) setFaults(emulator, { failNext: { status: 500, count: 50 } });
        onPage(items, progress);
      },
    });
    expect(result.ok ? 'listed' : result.error.kind).toBe('server');
    expect(pages).toHaveLength(1);
  });

  it('refuses a nextLink to another server, since following it would send the key there', async () => {
    const recorder = recordingFetch(fetch, async (_request, send) => {
      const response = await send();
      const page = (await response.json()) as { nextLink?: string };
      if (page.nextLink)
        page.nextLink = page.nextLink.replace(emulator.url, 'https://evil.example');
      return new Response(JSON.stringify(page), { status: response.status });
    });
    const { client } = testClient(emulator, { recorder });
    const { pages, onPage } = pagesRecorder();

    const result = await client.listAll({ pageSize: 10, onPage });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('server');
      expect(result.error.message).toMatch(/another server \(https:\/\/evil\.example\).*key/);
    }
    expect(pages).toEqual([]);
    for (const request of recorder.requests) expect(request.url.origin).toBe(emulator.url);
  });

  it('stops at a short page even when the service says more follow', async () => {
    const recorder = recordingFetch(fetch, async (request, send) => {
      const response = await send();
      const page = (await response.json()) as { value: Dataset[]; nextLink?: string };
      if (request.url.searchParams.get('skip') === '10') page.value = page.value.slice(0, 4);
      return new Response(JSON.stringify(page), { status: response.status });
    });
    const { client } = testClient(emulator, { recorder });
    const result = await client.listAll({ pageSize: 10, concurrency: 1 });
    expect(result.ok && result.value).toHaveLength(14);
  });

  it('lists an empty service as one empty page', async () => {
    const empty = await startEmulator({ port: 0, key: TEST_KEY });
    try {
      const { client, recorder } = testClient(empty);
      const { pages, onPage } = pagesRecorder();
      expect(await client.listAll({ onPage })).toEqual({ ok: true, value: [] });
      expect(pages).toEqual([{ items: [], progress: { pageIndex: 0, loaded: 0 } }]);
      expect(recorder.requests.map((r) => r.url.searchParams.get('top'))).toEqual(['30']);
    } finally {
      await empty.close();
    }
  });

  it('stops when the caller cancels', async () => {
    const { client } = testClient(emulator);
    const controller = new AbortController();
    const { pages, onPage } = pagesRecorder();
    const result = await client.listAll({
      pageSize: 10,
      signal: controller.signal,
      onPage: (items, progress) => {
        onPage(items, progress);
        if (progress.pageIndex === 1) controller.abort();
      },
    });
    expect(result.ok ? 'listed' : result.error.message).toMatch(/cancelled/);
    expect(pages).toHaveLength(2);
  });
});
