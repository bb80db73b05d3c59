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

/** A save as the page makes it: datasets:update over the bridge, with the eTag it loaded. */
async function appSaver(app: BrowserModeApp, connectionId: string, name: string): Promise<Saver> {
  const loaded = await app.call<RedactedDataset>('datasets:get', { connectionId, name });
  const saver: Saver = {
    eTag: loaded.eTag,
    async save(round) {
      const saved = await app.call<RedactedDataset>('datasets:update', {
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
 * The whole app path of a save (HTTP bridge -> dispatcher and handlers -> datasets client ->
 * emulator) over a bare PATCH to the same emulator, alternating one of each so both meet the
 * same conditions. Each side saves its own dataset, so their eTags never collide.
 */
export async function measureSaveOverhead(
  emulator: SeededEmulator,
  app: BrowserModeApp,
  connectionId: string,
  latencyMs: number,
): Promise<Figure> {
  const viaApp = await appSaver(app, connectionId, benchDatasetName(0));
  const bare = await bareSaver(emulator, benchDatasetName(1));
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < WARMUP + SAVES; i++) {
    // Alternate which goes first, so neither always follows the other.
    const [first, second] = i % 2 === 0 ? [viaApp, bare] : [bare, viaApp];
    const firstMs = await timedSave(first, i);
    const secondMs = await timedSave(second, i);
    if (i < WARMUP) continue;
    appMs.push(first === viaApp ? firstMs : secondMs);
    bareMs.push(first === bare ? firstMs : secondMs);
  }
  const appTimes = summarize(appMs);
  const bareTimes = summarize(bareMs);
  return measured('saveOverheadRatio', round(appTimes.medianMs / bareTimes.medianMs, 3), {
    latencyMs,
    warmup: WARMUP,
    app: appTimes,
    bare: bareTimes,
    overheadMedianMs: round(appTimes.medianMs - bareTimes.medianMs, 3),
  });
}
