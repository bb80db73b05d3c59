import { performance } from 'node:perf_hooks';
import { createDatasetsClient } from '../electron/core/datasets/client';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_PAGE_SIZE,
  INITIAL_CONCURRENCY,
} from '../electron/core/datasets/list-all';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import type { DatasetListPage } from '../shared/contract/list-page';
import type { DatasetListChunk } from '../shared/ipc/contract';
import type { BrowserModeApp } from './browser-mode-app';
import type { Figure } from './figure';
import { measured } from './figure';
import { startRateLimitedEmulator } from './seeded-emulator';
import type { SeededEmulator } from './seeded-emulator';
import { median, round } from './stats';

const ROUNDS = 2;
const NAIVE_PAGE_SIZE = 30;

/** What a first attempt would do: one page at a time, each asked for only once the last is in. */
async function naiveListing(emulator: SeededEmulator): Promise<number> {
  const headers = { [SUBSCRIPTION_KEY_HEADER]: emulator.key };
  let next: string | undefined =
    `${emulator.url}${DATASETS_PATH}?api-version=${API_VERSION}&top=${NAIVE_PAGE_SIZE}`;
  let count = 0;
  while (next !== undefined) {
    const response = await fetch(next, { headers });
    if (!response.ok) throw new Error(`A page answered ${response.status}.`);
    const page = (await response.json()) as DatasetListPage;
    count += page.value.length;
    next = page.nextLink;
  }
  return count;
}

/** The app's datasets client with its defaults, as the handlers use it. */
async function clientListing(emulator: SeededEmulator): Promise<number> {
  const client = createDatasetsClient({
    endpoint: emulator.url,
    key: emulator.key,
    fetch: globalThis.fetch,
  });
  const all = await client.listAll();
  if (!all.ok) throw new Error(`listAll failed: ${all.error.message}`);
  return all.value.length;
}

/** The page's way: listStart, then listMore until done, over the HTTP bridge. */
async function bridgeListing(app: BrowserModeApp, connectionId: string): Promise<number> {
  let chunk = await app.call<DatasetListChunk>('datasets:listStart', { connectionId });
  let count = chunk.items.length;
  while (!chunk.done) {
    chunk = await app.call<DatasetListChunk>('datasets:listMore', { listingId: chunk.listingId });
    count += chunk.items.length;
  }
  return count;
}

async function timed(run: () => Promise<number>, expected: number): Promise<number> {
  const started = performance.now();
  const count = await run();
  const elapsed = performance.now() - started;
  if (count !== expected) throw new Error(`A listing returned ${count} datasets, not ${expected}.`);
  return elapsed;
}

/**
 * Loading 10,000 datasets: the datasets client's listAll (pages by skip, as many in flight as
 * the service keeps up with) against a naive loop that follows nextLink, on the same emulator
 * with the same latency. The page's path through the bridge is timed too, for the record.
 */
export async function measureListSpeedup(
  emulator: SeededEmulator,
  app: BrowserModeApp,
  connectionId: string,
  latencyMs: number,
): Promise<Figure> {
  const naiveMs: number[] = [];
  const clientMs: number[] = [];
  const bridgeMs: number[] = [];
  const runs = [
    () => timed(() => naiveListing(emulator), emulator.datasets).then((ms) => naiveMs.push(ms)),
    () => timed(() => clientListing(emulator), emulator.datasets).then((ms) => clientMs.push(ms)),
    () =>
      timed(() => bridgeListing(app, connectionId), emulator.datasets).then((ms) =>
        bridgeMs.push(ms),
      ),
  ];
  // Each round in another order, so no way of listing always goes first or last.
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < runs.length; i++) await runs[(i + r) % runs.length]!();
  }

  const naive = median(naiveMs);
  const client = median(clientMs);
  const bridge = median(bridgeMs);
  return measured('listSpeedup', round(naive / client), {
    measured: 'datasets client listAll (electron/core/datasets/client.ts), defaults',
    datasets: emulator.datasets,
    latencyMs,
    pageSize: DEFAULT_PAGE_SIZE,
    concurrency: `from ${INITIAL_CONCURRENCY}, +1 per page answered until a 429, at most ${DEFAULT_CONCURRENCY}`,
    naiveMedianMs: round(naive, 1),
    listAllMedianMs: round(client, 1),
    bridgeMedianMs: round(bridge, 1),
    bridgeSpeedup: round(naive / bridge),
    naiveMs: naiveMs.map((ms) => round(ms, 1)),
    listAllMs: clientMs.map((ms) => round(ms, 1)),
    bridgeMs: bridgeMs.map((ms) => round(ms, 1)),
  });
}

/** The limit the emulator is started with, in requests per second. */
const RATE_LIMIT = 10;
/** 60 pages of 30: the limit lets them through in 5 s at the least, so one run takes ~6 s. */
const THROTTLED_DATASETS = 1_800;

/**
 * Listing under the service's rate limit: the emulator (no added latency) takes at most 10
 * requests a second per key, as a token bucket of 10 refilled at 10 a second, and answers 429
 * with a whole-second Retry-After beyond it. The client lists 1,800 datasets with its defaults;
 * it is not told the limit and learns it from the 429s.
 *
 * The ideal is the least time the limit allows: the full bucket lets 10 pages go at once and
 * then one every 100 ms, so P pages need (P - 10) / 10 s. The figure is that ideal over the time
 * taken. The plainer P / 10 s would credit the client with the bucket's first 10 for free (a
 * client a second late would still score 1.0). One page is fetched first and the bucket left to
 * fill again, so a cold process's first answers do not count as the client's.
 */
export async function measureListThrottledEfficiency(): Promise<Figure> {
  const emulator = await startRateLimitedEmulator(THROTTLED_DATASETS, RATE_LIMIT, 0);
  try {
    let requests = 0;
    let throttled = 0;
    const counting: typeof fetch = async (input, init) => {
      requests += 1;
      const response = await fetch(input, init);
      if (response.status === 429) throttled += 1;
      return response;
    };
    const client = createDatasetsClient({
      endpoint: emulator.url,
      key: emulator.key,
      fetch: counting,
    });
    const warm = await client.listPage({ top: 1 });
    if (!warm.ok) throw new Error(`The first page failed: ${warm.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    requests = 0;
    throttled = 0;

    const started = performance.now();
    const all = await client.listAll();
    const elapsedMs = performance.now() - started;
    if (!all.ok) throw new Error(`listAll failed: ${all.error.message}`);
    if (all.value.length !== emulator.datasets) {
      throw new Error(`listAll returned ${all.value.length} datasets, not ${emulator.datasets}.`);
    }
    const pages = Math.ceil(emulator.datasets / DEFAULT_PAGE_SIZE);
    const idealMs = (Math.max(0, pages - RATE_LIMIT) / RATE_LIMIT) * 1000;
    return measured('listThrottledEfficiency', round(idealMs / elapsedMs), {
      measured: 'datasets client listAll, defaults, against an emulator started with --rate-limit',
      formula: `ideal / actual; ideal = (pages - ${RATE_LIMIT}) / ${RATE_LIMIT} s, what a bucket of ${RATE_LIMIT} refilled at ${RATE_LIMIT}/s lets through at best`,
      rateLimitPerSecond: RATE_LIMIT,
      datasets: emulator.datasets,
      pages,
      latencyMs: 0,
      idealMs: round(idealMs, 1),
      actualMs: round(elapsedMs, 1),
      pagesPerSecond: round(pages / (elapsedMs / 1000)),
      requests,
      answered429: throttled,
      pagesOverRateOverActual: round(((pages / RATE_LIMIT) * 1000) / elapsedMs),
    });
  } finally {
    await emulator.stop();
  }
}
