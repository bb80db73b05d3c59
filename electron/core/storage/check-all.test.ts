import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import { cocoText, makeCocoFile } from '../../../shared/coco/fixtures';
import type { Dataset } from '../../../shared/contract/dataset';
import type {
  CheckAllProgress,
  DatasetCheckResult,
} from '../../../shared/storage/check-all-contract';
import { startTestStorage } from '../../test-support/azurite-blobs';
import type { TestStorage } from '../../test-support/azurite-blobs';
import { startFaultyEmulator, testClient, uniqueName } from '../../test-support/datasets-service';
import type { DatasetsClient } from '../datasets/client';
import { createCheckAllCache } from './check-all-cache';
import type { CheckAllCache } from './check-all-cache';
import { startCheckAll } from './check-all';
import type { CheckAllInput } from './check-all';

let storage: TestStorage;
let emulator: RunningEmulator;
let client: DatasetsClient;
let base = '';
let token = '';

/** Every request the runs sent to Blob Storage: method and URL without its query string. */
const sent: { method: string; url: string }[] = [];
const recording: typeof fetch = (input, init) => {
  sent.push({ method: init?.method ?? 'GET', url: String(input).split('?')[0]! });
  return fetch(input, init);
};
const bodiesRead = (url: string) => sent.filter((r) => r.method === 'GET' && r.url === url).length;

const validCoco = () =>
  cocoText({ kind: 'imageObjectDetection', images: 3, categories: 1, baseUrl: base });

function pixelBoxes(): string {
  const coco = makeCocoFile({
    kind: 'imageObjectDetection',
    images: 3,
    categories: 1,
    baseUrl: base,
  });
  for (const annotation of coco.annotations) annotation.bbox = [10, 10, 200, 100];
  return JSON.stringify(coco);
}

beforeAll(async () => {
  [storage, emulator] = await Promise.all([startTestStorage(), startFaultyEmulator()]);
  client = testClient(emulator).client;
  base = storage.containerUrl('all');
  token = storage.sas('all', 'r');
  for (const n of [1, 2, 3]) {
    await storage.upload('all', `images/${String(n).padStart(6, '0')}.jpg`, `jpeg ${n}`);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([storage?.stop(), emulator?.close()]);
});

/** Registers a dataset reading `blob` in the test container with a read-only SAS. */
async function register(
  blob: string,
  auth: Dataset['authentication'] = { kind: 'sas', sasToken: token },
): Promise<Dataset> {
  const registered = await client.registerDataset(uniqueName('all'), {
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [`${base}/${blob}`],
    ...(auth && { authentication: auth }),
  });
  if (!registered.ok) throw new Error(registered.error.message);
  return registered.value;
}

async function run(
  datasets: Dataset[],
  cache: CheckAllCache,
  more: Partial<CheckAllInput> = {},
): Promise<CheckAllProgress> {
  const job = startCheckAll({
    runId: 'run-1',
    connectionId: 'conn-1',
    purpose: 'training',
    datasets,
    fetch: recording,
    cache,
    ...more,
  });
  await job.settled;
  return job.snapshot();
}

const row = (progress: CheckAllProgress, name: string): DatasetCheckResult =>
  progress.datasets.find((d) => d.name === name)!;

describe('Check all datasets', () => {
  it('gives each dataset its outcome, in the service order, with no token in sight', async () => {
    await storage.upload('all', 'coco/valid.json', validCoco());
    await storage.upload('all', 'coco/pixels.json', pixelBoxes());
    const valid = await register('coco/valid.json');
    const broken = await register('coco/pixels.json');
    const missing = await register('coco/not-there.json');
    const managed = await register('coco/valid.json', { kind: 'managedIdentity' });
    const open = await register('coco/valid.json', { kind: 'none' });
    const withMissing = makeCocoFile({
      kind: 'imageObjectDetection',
      images: 3,
      categories: 1,
      baseUrl: base,
    });
    withMissing.images[1]!.coco_url = `${base}/images/not-there.jpg`;
    await storage.upload('all', 'coco/no-image.json', JSON.stringify(withMissing));
    const noImage = await register('coco/no-image.json');

    const progress = await run(
      [valid, broken, missing, managed, open, noImage],
      createCheckAllCache(),
    );
    expect(progress).toMatchObject({ state: 'done', total: 6, finished: 6, fraction: 1 });
    expect(progress.datasets.map((d) => d.name)).toEqual(
      [valid, broken, missing, managed, open, noImage].map((d) => d.name),
    );
    expect(row(progress, valid.name)).toMatchObject({
      outcome: 'ok',
      errorCount: 0,
      fromCache: false,
    });
    expect(row(progress, broken.name).outcome).toBe('errors');
    expect(row(progress, broken.name).errorCount).toBeGreaterThan(0);
    expect(row(progress, broken.name).summary).toMatch(/^\d+ errors? .*in 1 annotation file\./);
    expect(row(progress, missing.name)).toMatchObject({ outcome: 'unreachable' });
    expect(row(progress, missing.name).summary).toContain('not-there.json could not be read.');
    expect(row(progress, managed.name)).toMatchObject({ outcome: 'notChecked' });
    expect(row(progress, noImage.name)).toMatchObject({
      outcome: 'unreachable',
      errorCount: 0,
      unreachableImages: 1,
    });
    expect(row(progress, noImage.name).summary).toMatch(
      /^No errors in 1 annotation file, but 1 sampled image could not be read, e\.g\. images\/000002\.jpg/,
    );
    expect(row(progress, managed.name).summary).toContain('managed identity');
    // Without a token, Azurite refuses the private container: said, not hidden.
    expect(row(progress, open.name).outcome).toBe('unreachable');

    const text = JSON.stringify(progress);
    expect(text).not.toContain('sig=');
    expect(text).not.toContain(new URLSearchParams(token).get('sig')!);
  });

  it('does not read an unchanged file again, and reads a changed file or dataset again', async () => {
    const file = `${base}/coco/kept.json`;
    await storage.upload('all', 'coco/kept.json', validCoco());
    const dataset = await register('coco/kept.json');
    const cache = createCheckAllCache();

    const first = await run([dataset], cache);
    expect(row(first, dataset.name)).toMatchObject({ outcome: 'ok', fromCache: false });
    expect(bodiesRead(file)).toBe(1);

    // Unchanged: one conditional HEAD for the file, no body, no image read.
    sent.length = 0;
    const second = await run([dataset], cache);
    expect(row(second, dataset.name)).toMatchObject({ outcome: 'ok', fromCache: true });
    expect(row(second, dataset.name).summary).toContain('unchanged since last check');
    expect(bodiesRead(file)).toBe(0);
    expect(sent).toEqual([{ method: 'HEAD', url: file }]);

    // The file changed in Blob Storage: read again, and the new result shows.
    await storage.upload('all', 'coco/kept.json', pixelBoxes());
    sent.length = 0;
    const third = await run([dataset], cache);
    expect(bodiesRead(file)).toBe(1);
    expect(row(third, dataset.name)).toMatchObject({ outcome: 'errors', fromCache: false });

    // The dataset changed on the service (a new eTag), its file did not: read again.
    const updated = await client.updateDataset(dataset.name, { customProperties: { note: 'x' } });
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value.eTag).not.toBe(dataset.eTag);
    sent.length = 0;
    const fourth = await run([updated.value], cache);
    expect(bodiesRead(file)).toBe(1);
    expect(row(fourth, dataset.name)).toMatchObject({ outcome: 'errors', fromCache: false });
  });

  it('keeps no result for a file that could not be read: the next run tries it again', async () => {
    const dataset = await register('coco/later.json');
    const cache = createCheckAllCache();
    expect(row(await run([dataset], cache), dataset.name).outcome).toBe('unreachable');
    await storage.upload('all', 'coco/later.json', validCoco());
    const again = await run([dataset], cache);
    expect(row(again, dataset.name)).toMatchObject({ outcome: 'ok', fromCache: false });
  });

  it('checks at most `concurrency` datasets at once, and Stop marks the rest stopped', async () => {
    await storage.upload('all', 'coco/slow.json', validCoco());
    const datasets = await Promise.all([1, 2, 3, 4].map(() => register('coco/slow.json')));
    let reading = 0;
    let mostAtOnce = 0;
    // Annotation files never answer until the run is stopped.
    const hanging: typeof fetch = (input, init) => {
      if (!String(input).includes('/coco/')) return fetch(input, init);
      reading += 1;
      mostAtOnce = Math.max(mostAtOnce, reading);
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => {
          reading -= 1;
          reject(init.signal?.reason);
        }),
      );
    };
    const job = startCheckAll({
      runId: 'run-stop',
      connectionId: 'conn-1',
      purpose: 'training',
      datasets,
      fetch: hanging,
      cache: createCheckAllCache(),
      concurrency: 2,
    });
    await expect.poll(() => reading).toBe(2);
    expect(job.snapshot().datasets.map((d) => d.outcome)).toEqual([
      'checking',
      'checking',
      'waiting',
      'waiting',
    ]);
    job.cancel();
    await job.settled;
    const stopped = job.snapshot();
    expect(mostAtOnce).toBe(2);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.datasets.map((d) => d.outcome)).toEqual(Array(4).fill('cancelled'));
    expect(stopped.datasets[0]!.summary).toBe('Stopped before this dataset was checked.');
  });
});
