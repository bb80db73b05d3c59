import { performance } from 'node:perf_hooks';
import { createDatasetsClient } from '../electron/core/datasets/client';
import { DEFAULT_CONCURRENCY, DEFAULT_PAGE_SIZE } from '../electron/core/datasets/list-all';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import type { DatasetListPage } from '../shared/contract/list-page';
import type { DatasetListChunk } from '../shared/ipc/contract';
import type { BrowserModeApp } from './browser-mode-app';
import type { Figure } from './figure';
import { measured } from './figure';
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
 * Loading 10,000 datasets: the datasets client's listAll (pages by skip, several in flight)
 * against a naive loop that follows nextLink, on the same emulator with the same latency. The
 * page's path through the bridge is timed too, for the record.
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
    concurrency: DEFAULT_CONCURRENCY,
    naiveMedianMs: round(naive, 1),
    listAllMedianMs: round(client, 1),
    bridgeMedianMs: round(bridge, 1),
    bridgeSpeedup: round(naive / bridge),
    naiveMs: naiveMs.map((ms) => round(ms, 1)),
    listAllMs: clientMs.map((ms) => round(ms, 1)),
    bridgeMs: bridgeMs.map((ms) => round(ms, 1)),
  });
}
