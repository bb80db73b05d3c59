import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/server';
import type { RunningEmulator } from '../../../emulator/server';
import type { Dataset } from '../../../shared/contract/dataset';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { ListProgress } from './client';
import { listAllPages } from './list-all';
import type { FetchPage, PageRequest } from './list-all';
import { CANCELLED_ERROR } from './service-errors';
import {
  TEST_KEY,
  recordingFetch,
  sampleFields,
  setFaults,
  testClient,
} from '../../test-support/datasets-service';

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

  it('goes on after a short page that has a nextLink, following the links from there', async () => {
    // The service leaves out part of the second page (as a filter would) but says more follow.
    const recorder = recordingFetch(fetch, async (request, send) => {
      const response = await send();
      const page = (await response.json()) as { value: Dataset[]; nextLink?: string };
      if (request.url.searchParams.get('skip') === '10') page.value = page.value.slice(0, 4);
      return new Response(JSON.stringify(page), { status: response.status });
    });
    const { client } = testClient(emulator, { recorder });
    const { pages, onPage } = pagesRecorder();

    const result = await client.listAll({ pageSize: 10, concurrency: 4, onPage });

    const given = names.filter((_, i) => i < 14 || i >= 20);
    expect(result.ok && result.value.map((d) => d.name)).toEqual(given);
    expect(pages.flatMap((p) => p.items.map((d) => d.name))).toEqual(given);
    expect(pages.map((p) => p.progress.pageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // From the short page on, each request is the link the page before it gave, one at a time.
    const skips = recorder.requests.map((r) => Number(r.url.searchParams.get('skip')));
    const fromShortPage = skips.slice(skips.lastIndexOf(20));
    expect(fromShortPage).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('lists everything once when the service caps the page below what was asked', async () => {
    // Asked for 30, the service sends 20 and a nextLink that asks for 20 from there.
    const recorder = recordingFetch(fetch, async (request) => {
      const capped = new URL(request.url);
      capped.searchParams.set('top', String(Math.min(20, Number(capped.searchParams.get('top')))));
      return fetch(capped, { headers: request.headers });
    });
    const { client } = testClient(emulator, { recorder });
    const { pages, onPage } = pagesRecorder();

    const result = await client.listAll({ pageSize: 30, onPage });

    expect(result.ok && result.value.map((d) => d.name)).toEqual(names);
    expect(pages.map((p) => p.progress)).toEqual(
      [20, 40, 60, 80, 95].map((loaded, pageIndex) => ({ pageIndex, loaded })),
    );
  });

  it('ends at a full last page that has no nextLink, asking nothing past it one at a time', async () => {
    const { client, recorder } = testClient(emulator);
    const result = await client.listAll({ pageSize: 19, concurrency: 1 });
    expect(result.ok && result.value.map((d) => d.name)).toEqual(names);
    expect(recorder.requests.map((r) => r.url.searchParams.get('skip'))).toEqual([
      '0',
      '19',
      '38',
      '57',
      '76',
    ]);
  });

  it('lists everything once in order when asking ahead passes the end', async () => {
    const { client } = testClient(emulator);
    const result = await client.listAll({ pageSize: 19, concurrency: 8 });
    expect(result.ok && result.value.map((d) => d.name)).toEqual(names);
  });

  it('lists everything from a rate-limited service, each 429 retried after its Retry-After', async () => {
    // The emulator's clock moves only when the client waits, so the limit is met every time.
    let nowMs = 0;
    const limited = await startEmulator({
      port: 0,
      key: TEST_KEY,
      rateLimit: 3,
      clock: () => nowMs,
    });
    try {
      const statuses: number[] = [];
      const recorder = recordingFetch(fetch, async (_request, send) => {
        const response = await send();
        statuses.push(response.status);
        return response;
      });
      const delays: number[] = [];
      const sleep = async (ms: number) => {
        delays.push(ms);
        nowMs += ms;
      };
      const { client: writer } = testClient(limited, { sleep });
      for (const name of names.slice(0, 40)) {
        expect((await writer.registerDataset(name, sampleFields())).ok).toBe(true);
      }
      statuses.length = 0;
      delays.length = 0;
      const { client } = testClient(limited, { recorder, sleep });

      const result = await client.listAll({ pageSize: 5 });

      expect(result.ok && result.value.map((d) => d.name)).toEqual(names.slice(0, 40));
      const throttled = statuses.filter((status) => status === 429).length;
      expect(throttled).toBeGreaterThan(0);
      expect(delays).toEqual(Array.from({ length: throttled }, () => 1000));
    } finally {
      await limited.close();
    }
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

/**
 * A service played in steps, so a test sees every request that is out at once: each `tick`
 * answers all the requests sent before it. Like a service limited to `inFlightLimit` requests
 * at a time, it answers 429 to a request sent while that many are out; as the client's retry
 * does, a throttled request says so through its hooks, waits a tick and goes again when let.
 */
function scriptedService(total: number, settings: { cap?: number; inFlightLimit?: number } = {}) {
  const cap = settings.cap ?? Number.POSITIVE_INFINITY;
  const inFlightLimit = settings.inFlightLimit ?? Number.POSITIVE_INFINITY;
  const items: Dataset[] = Array.from({ length: total }, (_, i) => ({
    name: `d-${String(i).padStart(4, '0')}`,
    annotationKind: 'imageClassification',
    annotationFileUris: ['https://a.blob.core.windows.net/c/coco.json'],
    createdDateTime: '2023-02-01T00:00:00Z',
    updatedDateTime: '2023-02-01T00:00:00Z',
    eTag: `e${i}`,
  }));
  const link = (skip: number, top: number) =>
    `https://svc.example/datasets?skip=${skip}&top=${top}`;
  const waiting: (() => void)[] = [];
  const nextTick = () => new Promise<void>((resolve) => waiting.push(resolve));
  const stats = {
    requests: [] as PageRequest[],
    inFlight: 0,
    maxInFlight: 0,
    throttled: 0,
    /** The most 429s one page met before it was answered. */
    mostThrottlesOfOnePage: 0,
  };

  const fetchPage: FetchPage = async (request, signal, hooks) => {
    stats.requests.push(request);
    const where = 'nextLink' in request ? new URL(request.nextLink).searchParams : undefined;
    const skip = where ? Number(where.get('skip')) : (request as { skip: number }).skip;
    const top = where ? Number(where.get('top')) : (request as { top: number }).top;
    for (let throttles = 0; ; throttles++) {
      stats.mostThrottlesOfOnePage = Math.max(stats.mostThrottlesOfOnePage, throttles);
      const refused = stats.inFlight >= inFlightLimit;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      await nextTick();
      stats.inFlight -= 1;
      if (signal.aborted) return fail(CANCELLED_ERROR);
      if (!refused) {
        const value = items.slice(skip, skip + Math.min(top, cap));
        const after = skip + value.length;
        return ok(after < total ? { value, nextLink: link(after, top) } : { value });
      }
      stats.throttled += 1;
      hooks.throttled();
      await nextTick();
      await hooks.mayRetry();
    }
  };

  /** Answers tick by tick until the listing ends; `onTick` sees the requests out before each. */
  async function run(listing: Promise<Result<Dataset[]>>, onTick?: (out: number) => void) {
    let settled = false;
    void listing.finally(() => (settled = true));
    while (!settled) {
      onTick?.(stats.inFlight);
      for (const answer of waiting.splice(0)) answer();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return listing;
  }

  return { items, fetchPage, stats, run };
}

const namesOf = (result: Result<Dataset[]>) => (result.ok ? result.value.map((d) => d.name) : []);

describe('listAllPages', () => {
  it('uses all the concurrency it is allowed while the service keeps up', async () => {
    const service = scriptedService(1000);
    const result = await service.run(
      listAllPages(service.fetchPage, { pageSize: 10, concurrency: 16 }),
    );
    expect(namesOf(result)).toEqual(service.items.map((d) => d.name));
    expect(service.stats.maxInFlight).toBe(16);
    expect(service.stats.throttled).toBe(0);
  });

  it('backs off when the service answers 429 above its limit, and still lists everything once', async () => {
    const service = scriptedService(3000, { inFlightLimit: 6 });
    const pages: number[] = [];
    const out: number[] = [];
    const result = await service.run(
      listAllPages(service.fetchPage, {
        pageSize: 10,
        concurrency: 32,
        onPage: (_items, progress) => pages.push(progress.pageIndex),
      }),
      (inFlight) => out.push(inFlight),
    );
    expect(namesOf(result)).toEqual(service.items.map((d) => d.name));
    expect(pages).toEqual(Array.from({ length: 300 }, (_, i) => i));
    // It finds the limit and stays near it: few pages meet a 429, none more than once (the
    // client's retries would run out), and it takes well under twice the ticks the limit allows.
    expect(service.stats.throttled).toBeLessThan(300 / 10);
    expect(service.stats.mostThrottlesOfOnePage).toBe(1);
    expect(Math.max(...out.slice(10))).toBeLessThanOrEqual(6 + 1);
    expect(out.length).toBeLessThan(2 * (300 / 6));
  });

  it('keeps going one request at a time when the service takes no more', async () => {
    const service = scriptedService(200, { inFlightLimit: 1 });
    const result = await service.run(
      listAllPages(service.fetchPage, { pageSize: 10, concurrency: 8 }),
    );
    expect(namesOf(result)).toEqual(service.items.map((d) => d.name));
    // Each page meets few enough 429s that the client's four attempts are never used up.
    expect(service.stats.mostThrottlesOfOnePage).toBeLessThanOrEqual(2);
    expect(service.stats.throttled).toBeLessThan(20);
  });

  it('follows the links one by one once the service caps its pages, asking nothing twice', async () => {
    const service = scriptedService(100, { cap: 20 });
    const result = await service.run(
      listAllPages(service.fetchPage, { pageSize: 30, concurrency: 4 }),
    );
    expect(namesOf(result)).toEqual(service.items.map((d) => d.name));
    const links = service.stats.requests.filter((r) => 'nextLink' in r);
    expect(links.map((r) => new URL(r.nextLink).searchParams.get('skip'))).toEqual([
      '20',
      '40',
      '60',
      '80',
    ]);
  });

  it('ends at an empty page with no nextLink, even after one that promised more', async () => {
    const fetchPage: FetchPage = async (request) => {
      if ('nextLink' in request) return ok({ value: [] });
      return ok({ value: [], nextLink: 'https://svc.example/datasets?skip=0&top=30&more' });
    };
    const pages: ListProgress[] = [];
    const result = await listAllPages(fetchPage, { onPage: (_, progress) => pages.push(progress) });
    expect(result).toEqual({ ok: true, value: [] });
    expect(pages).toEqual([
      { pageIndex: 0, loaded: 0 },
      { pageIndex: 1, loaded: 0 },
    ]);
  });

  it('stops following links when the caller cancels', async () => {
    const service = scriptedService(100, { cap: 5 });
    const controller = new AbortController();
    const result = await service.run(
      listAllPages(service.fetchPage, {
        pageSize: 10,
        signal: controller.signal,
        onPage: (_, progress) => {
          if (progress.pageIndex === 3) controller.abort();
        },
      }),
    );
    expect(result.ok ? 'listed' : result.error.message).toMatch(/cancelled/);
    expect(service.stats.requests).toHaveLength(4);
  });
});
