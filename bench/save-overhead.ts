import { performance } from 'node:perf_hooks';
import {
  API_VERSION,
  DATASETS_PATH,
  PATCH_CONTENT_TYPE,
  SUBSCRIPTION_KEY_HEADER,
} from '../shared/contract/limits';
import type { RedactedDataset } from '../shared/contract/redacted-dataset';
import type { BrowserModeApp } from './browser-mode-app';
import type { Figure } from './figure';
import { measured } from './figure';
import type { SeededEmulator } from './seeded-emulator';
import { round, summarize } from './stats';
import { benchDatasetName } from './synthetic-datasets';

const WARMUP = 10;
const SAVES = 300;

interface Saver {
  eTag: string;
  save(round: number): Promise<void>;
}

type AppCall = BrowserModeApp['call'];

/**
 * A save as the page makes it: datasets:update with the eTag it loaded, over the browser-mode
 * bridge (`app.call`) or into the dispatcher as Electron's IPC handler does (`app.dispatch`).
 */
async function appSaver(call: AppCall, connectionId: string, name: string): Promise<Saver> {
  const loaded = await call<RedactedDataset>('datasets:get', { connectionId, name });
  const saver: Saver = {
    eTag: loaded.eTag,
    async save(round) {
      const saved = await call<RedactedDataset>('datasets:update', {
        connectionId,
        name,
        ifMatch: saver.eTag,
        changes: { customProperties: { bench: `app-${round}` } },
      });
      saver.eTag = saved.eTag;
    },
  };
  return saver;
}

/** The same save as one fetch PATCH straight to the emulator: the floor any app path sits on. */
async function bareSaver(emulator: SeededEmulator, name: string): Promise<Saver> {
  const url = `${emulator.url}${DATASETS_PATH}/${name}?api-version=${API_VERSION}`;
  const key = { [SUBSCRIPTION_KEY_HEADER]: emulator.key };
  const loaded = await fetch(url, { headers: key });
  const saver: Saver = {
    eTag: ((await loaded.json()) as { eTag: string }).eTag,
    async save(round) {
      const response = await fetch(url, {
        method: 'PATCH',
        headers: { ...key, 'Content-Type': PATCH_CONTENT_TYPE, 'If-Match': saver.eTag },
        body: JSON.stringify({ customProperties: { bench: `bare-${round}` } }),
      });
      if (response.status !== 200) throw new Error(`A bare save answered ${response.status}.`);
      saver.eTag = ((await response.json()) as { eTag: string }).eTag;
    },
  };
  return saver;
}

async function timedSave(saver: Saver, round: number): Promise<number> {
  const started = performance.now();
  await saver.save(round);
  return performance.now() - started;
}

/**
 * The whole app path of a save in browser mode (the page's HTTP call to the bridge -> dispatcher
 * and handlers -> datasets client -> emulator) over a bare PATCH to the same emulator, taking
 * turns so every way meets the same conditions; the dispatcher alone is timed beside them. Each
 * saves its own dataset, so their eTags never collide.
 */
export async function measureSaveOverhead(
  emulator: SeededEmulator,
  app: BrowserModeApp,
  connectionId: string,
  latencyMs: number,
): Promise<{ saveOverheadRatio: Figure; saveOverheadMs: Figure }> {
  const viaApp = await appSaver(app.call, connectionId, benchDatasetName(0));
  const bare = await bareSaver(emulator, benchDatasetName(1));
  const viaDispatcher = await appSaver(app.dispatch, connectionId, benchDatasetName(2));
  const appMs: number[] = [];
  const bareMs: number[] = [];
  const dispatcherMs: number[] = [];
  for (let i = 0; i < WARMUP + SAVES; i++) {
    // Each in turn, starting one further on each time, so none always follows the same other.
    const order = [
      [viaApp, appMs],
      [bare, bareMs],
      [viaDispatcher, dispatcherMs],
    ] as const;
    for (let k = 0; k < order.length; k++) {
      const [saver, times] = order[(i + k) % order.length]!;
      const ms = await timedSave(saver, i);
      if (i >= WARMUP) times.push(ms);
    }
  }
  const appTimes = summarize(appMs);
  const bareTimes = summarize(bareMs);
  const dispatcherTimes = summarize(dispatcherMs);
  const details = {
    latencyMs,
    warmup: WARMUP,
    app: appTimes,
    bare: bareTimes,
    // Not held to the goal: the part of the path Electron's IPC reaches, without the bridge's
    // loopback HTTP, to show where the overhead lies.
    dispatcherOnly: {
      ...dispatcherTimes,
      ratio: round(dispatcherTimes.medianMs / bareTimes.medianMs, 3),
      overheadMs: round(dispatcherTimes.medianMs - bareTimes.medianMs, 3),
    },
  };
  return {
    saveOverheadRatio: measured(
      'saveOverheadRatio',
      round(appTimes.medianMs / bareTimes.medianMs, 3),
      details,
    ),
    saveOverheadMs: measured(
      'saveOverheadMs',
      round(appTimes.medianMs - bareTimes.medianMs, 3),
      {
        latencyMs,
        appMedianMs: appTimes.medianMs,
        bareMedianMs: bareTimes.medianMs,
        dispatcherOnlyOverheadMs: details.dispatcherOnly.overheadMs,
      },
      'The median app save minus the median bare save, both from the same interleaved run.',
    ),
  };
}
