import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetSchema } from '../shared/contract/dataset';
import { DataFileWriter, loadDataFile, writeFileAtomically } from './data-file';
import { DatasetStore } from './dataset-store';
import { SEED_DATASET_NAMES } from './seed-datasets';
import {
  TEST_KEY,
  call,
  register,
  registerBody,
  remote,
  spawnCli,
  startCli,
  startTestEmulator,
} from './test-helpers';

const root = mkdtempSync(join(tmpdir(), 'emulator-persistence-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshFolder = () => mkdtempSync(join(root, `case-${(folders += 1)}-`));

describe('the data file', () => {
  it('keeps datasets, dates and eTags across a restart', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const first = await startTestEmulator({ dataFile });
    await register(first, 'kept');
    await register(first, 'removed');
    const patched = (
      await call(first, 'PATCH', '/kept', { body: { customProperties: { v: '2' } } })
    ).json;
    expect((await call(first, 'DELETE', '/removed')).status).toBe(204);
    await first.close();

    const second = await startTestEmulator({ dataFile });
    try {
      expect((await call(second, 'GET', '/kept')).json).toEqual(patched);
      expect((await call(second, 'GET', '/removed')).status).toBe(404);
      const next = await call(second, 'PATCH', '/kept', {
        headers: { 'If-Match': patched.eTag },
        body: {},
      });
      expect(next.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('starts empty from a missing file and writes it, in the documented format, on the first change', async () => {
    const dataFile = join(freshFolder(), 'not', 'yet', 'datasets.json');
    const emulator = await startTestEmulator({ dataFile });
    try {
      expect((await call(emulator, 'GET', '')).json).toEqual({ value: [] });
      expect(existsSync(dataFile)).toBe(false);
      const created = await register(emulator, 'first');
      // The 201 came after the write: the file already holds the dataset.
      const content = JSON.parse(readFileSync(dataFile, 'utf8'));
      expect(content).toEqual({
        format: 'dataset-manager-emulator',
        version: 1,
        datasets: [created],
      });
    } finally {
      await emulator.close();
    }
  });

  const valid = {
    name: 'ok',
    annotationKind: 'imageClassification',
    annotationFileUris: ['https://a.blob.core.windows.net/c/train.json'],
    createdDateTime: '2024-01-01T00:00:00Z',
    updatedDateTime: '2024-01-01T00:00:00Z',
    eTag: 'kzktjgnqkjagdlkualdzikaseg',
  };
  const file = (datasets: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'dataset-manager-emulator', version: 1, datasets, ...extra });

  it.each([
    ['bad JSON', '{"format": "dataset-manager-emulator", "datasets": [', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['another format', JSON.stringify({ hello: 'world' }), /format/],
    ['a newer version', file([], { version: 2 }), /version/],
    ['a dataset without an eTag', file([{ ...valid, eTag: undefined }]), /datasets\.0\.eTag/],
    [
      'a dataset with an unknown kind',
      file([{ ...valid, annotationKind: 'x' }]),
      /datasets\.0\.annotationKind/,
    ],
    ['a name listed twice', file([valid, valid]), /"ok" twice/],
  ])(
    'refuses to start from %s, naming the file and what to do, and leaves it untouched',
    async (_, text, what) => {
      const dataFile = join(freshFolder(), 'datasets.json');
      writeFileSync(dataFile, text);
      const start = startTestEmulator({ dataFile, seed: true });
      await expect(start).rejects.toThrow(dataFile);
      await expect(start).rejects.toThrow(what);
      await expect(start).rejects.toThrow(/Move it aside or delete it/);
      expect(readFileSync(dataFile, 'utf8')).toBe(text);
    },
  );

  it('coalesces concurrent changes: 16 changes during one write cost one more write, not 16', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const store = new DatasetStore();
    let writes = 0;
    const writer = new DataFileWriter(dataFile, () => {
      writes += 1;
      return store.snapshot();
    });
    const waits: Promise<void>[] = [];
    for (let i = 0; i < 17; i += 1) {
      store.register(`ds-${i}`, {
        annotationKind: 'imageClassification',
        annotationFileUris: ['https://a.blob.core.windows.net/c/train.json'],
      });
      waits.push(writer.persist());
    }
    await Promise.all(waits);
    expect(writes).toBe(2);
    expect((await loadDataFile(dataFile)).map((d) => d.name)).toHaveLength(17);
  });

  it('seeds a new data file, and writes the samples to it at once', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const emulator = await startTestEmulator({ dataFile, seed: true });
    await emulator.close();
    const saved = await loadDataFile(dataFile);
    expect(saved.map((d) => d.name).sort()).toEqual([...SEED_DATASET_NAMES].sort());
  });

  it('never seeds an existing data file: a deleted sample stays deleted, a saved one stays as it is', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const sampleName = SEED_DATASET_NAMES[0]!;
    const mine = { ...valid, name: sampleName, customProperties: { mine: 'yes' } };
    const text = file([mine]);
    writeFileSync(dataFile, text);
    const emulator = await startTestEmulator({ dataFile, seed: true });
    try {
      const list = await call(emulator, 'GET', '', { query: { top: '30' } });
      expect(list.json.value).toEqual([mine]);
    } finally {
      await emulator.close();
    }
    expect(readFileSync(dataFile, 'utf8')).toBe(text);
  });

  it('sweeps the temporary files a crash left next to the data file at start, and no others', async () => {
    const folder = freshFolder();
    const dataFile = join(folder, 'datasets.json');
    await writeFileAtomically(dataFile, file([valid]));
    // What a crash between writing and renaming leaves: the writer's temporary-file names.
    const leftovers = ['.datasets.json.0123456789ab.tmp', '.datasets.json.a1b2c3d4e5f6.tmp'];
    // Not this data file's temporary files, or not temporary files at all: kept.
    const others = [
      '.other.json.0123456789ab.tmp',
      '.datasets.json.notours.tmp',
      'datasets.json.0123456789ab.tmp',
      'notes.txt',
    ];
    for (const name of [...leftovers, ...others]) writeFileSync(join(folder, name), 'partial');
    const emulator = await startTestEmulator({ dataFile });
    try {
      expect((await call(emulator, 'GET', '/ok')).status).toBe(200);
    } finally {
      await emulator.close();
    }
    expect(readdirSync(folder).sort()).toEqual(['datasets.json', ...others].sort());
  });
});

describe('the CLI with a data file', () => {
  it('keeps every acknowledged write through kill -9 in the middle of a burst of writes', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const args = ['--port', '0', '--key', TEST_KEY, '--data', dataFile];
    const first = await startCli(args);
    const api = remote(first.url);
    const bases = await Promise.all(
      Array.from({ length: 10 }, (_, i) => register(api, `base-${i}`)),
    );
    expect(bases).toHaveLength(10);

    const acknowledged = new Map<string, string>();
    let next = 0;
    let killed = false;
    let failed = 0;
    const worker = async () => {
      while (!killed) {
        const n = next++;
        try {
          // One PATCH per base dataset, so an acknowledged eTag must still be the current one.
          const result =
            n < 10
              ? await call(api, 'PATCH', `/base-${n}`, {
                  body: { customProperties: { n: String(n) } },
                })
              : await call(api, 'PUT', `/burst-${n}`, { body: registerBody() });
          expect([200, 201]).toContain(result.status);
          acknowledged.set(result.json.name, result.json.eTag);
        } catch (error) {
          if (!killed) throw error;
          failed += 1;
          return;
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 2));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(workers);
    expect(await first.exited).toBe('SIGKILL');
    expect(failed).toBeGreaterThan(0);

    const saved = JSON.parse(readFileSync(dataFile, 'utf8'));
    expect(saved).toMatchObject({ format: 'dataset-manager-emulator', version: 1 });
    for (const dataset of saved.datasets) DatasetSchema.parse(dataset);

    const second = await startCli(args);
    try {
      const again = remote(second.url);
      for (const [name, eTag] of acknowledged) {
        const got = await call(again, 'GET', `/${name}`);
        expect(got.status, name).toBe(200);
        expect(got.json.eTag, name).toBe(eTag);
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('exits 1 on a corrupt data file, saying which file and what to do, and leaves it untouched', async () => {
    const dataFile = join(freshFolder(), 'datasets.json');
    const text = '{"format": "dataset-manager-emulator", "version": 1, "datasets": [}';
    writeFileSync(dataFile, text);
    const cli = spawnCli(['--port', '0', '--key', TEST_KEY, '--data', dataFile]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain(dataFile);
    expect(cli.stderr()).toMatch(/not valid JSON/);
    expect(cli.stderr()).toMatch(/Move it aside or delete it/);
    expect(cli.stdout()).toBe('');
    expect(readFileSync(dataFile, 'utf8')).toBe(text);
  });
});
