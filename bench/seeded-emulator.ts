import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeDataFile } from '../emulator/data-file';
import { FAULTS_PATH } from '../emulator/fault-http';
import { emulatorClient, forEachConcurrently } from './emulator-http';
import { startEmulatorProcess } from './emulator-process';
import type { EmulatorProcess } from './emulator-process';
import { BENCH_DATASET_COUNT, benchDatasetName, benchFields } from './synthetic-datasets';

export interface SeededEmulator extends EmulatorProcess {
  datasets: number;
  seedMs: number;
}

/**
 * An emulator in its own process holding 10,000 datasets, registered with no latency (PUTs,
 * 32 at a time), then answering every request after `latencyMs`. It stays in memory: with a
 * data file, each save would also rewrite 10,000 datasets to disk.
 */
export async function startSeededEmulator(latencyMs: number): Promise<SeededEmulator> {
  const emulator = await startEmulatorProcess({ faults: true });
  const client = emulatorClient(emulator.url, emulator.key, 32);
  try {
    const started = performance.now();
    await forEachConcurrently(BENCH_DATASET_COUNT, 32, async (i) => {
      const answer = await client.send(
        'PUT',
        client.datasetPath(benchDatasetName(i)),
        benchFields(i),
      );
      if (answer.status !== 201)
        throw new Error(`Registering dataset ${i} answered ${answer.status}.`);
    });
    const seedMs = performance.now() - started;
    const set = await client.send('PUT', FAULTS_PATH, { latencyMs });
    if (set.status !== 200) throw new Error(`Setting the latency answered ${set.status}.`);
    return { ...emulator, datasets: BENCH_DATASET_COUNT, seedMs: Math.round(seedMs) };
  } catch (error) {
    await emulator.stop();
    throw error;
  } finally {
    client.close();
  }
}

/**
 * An emulator in its own process serving `datasets` datasets under a rate limit. They are
 * written to its data file before it starts, since registering them through the limit would
 * take datasets / rateLimit seconds; the file goes away with the process.
 */
export async function startRateLimitedEmulator(
  datasets: number,
  rateLimit: number,
  latencyMs: number,
): Promise<SeededEmulator> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-rate-limited-'));
  try {
    const at = new Date().toISOString();
    const content = Array.from({ length: datasets }, (_, i) => ({
      ...benchFields(i),
      name: benchDatasetName(i),
      createdDateTime: at,
      updatedDateTime: at,
      eTag: `bench-${i}`,
    }));
    const dataFile = join(folder, 'datasets.json');
    await writeFile(dataFile, serializeDataFile(content));
    const emulator = await startEmulatorProcess({ dataFile, rateLimit, latencyMs });
    return {
      ...emulator,
      datasets,
      seedMs: 0,
      async stop() {
        await emulator.stop();
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
