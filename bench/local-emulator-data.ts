import { performance } from 'node:perf_hooks';
import { SEED_DATASET_NAMES } from '../emulator/seed-datasets';
import { startLocalEmulator } from '../electron/core/local-emulator';
import { createKeyFileCipher } from '../electron/core/secrets/key-file-cipher';
import { createSecretVault } from '../electron/core/secrets/secret-vault';
import { openConfStore } from '../electron/core/settings/settings-store';
import { emulatorClient, forEachConcurrently } from './emulator-http';
import { BENCH_DATASET_COUNT, benchDatasetName, benchFields } from './synthetic-datasets';

/** Many at once, so the data file's coalescing writer saves thousands of datasets per write. */
const CONCURRENCY = 256;

/**
 * Leaves browser mode's data folder with exactly 10,000 datasets in the Local emulator, written
 * by the app's own code: the file is encrypted with a key kept in the folder's vault, so it is
 * filled through the embedded emulator (as browser mode composes it) rather than written here.
 */
export async function fillLocalEmulator(dataDir: string): Promise<{ fillMs: number }> {
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const vault = createSecretVault({
    store: openConfStore(dataDir, 'settings'),
    cipher: cipher.value,
  });
  const local = await startLocalEmulator(dataDir, vault);
  if (local.notice) throw new Error(`The Local emulator cannot keep a data file: ${local.notice}`);
  const client = emulatorClient(local.emulator.url, local.connection.key, CONCURRENCY);
  const started = performance.now();
  try {
    await forEachConcurrently(BENCH_DATASET_COUNT, CONCURRENCY, async (i) => {
      const answer = await client.send(
        'PUT',
        client.datasetPath(benchDatasetName(i)),
        benchFields(i),
      );
      if (answer.status !== 201)
        throw new Error(`Registering dataset ${i} answered ${answer.status}.`);
    });
    // The sample datasets of a first start would make it 10,006.
    for (const name of SEED_DATASET_NAMES) {
      const answer = await client.send('DELETE', client.datasetPath(name));
      if (answer.status !== 204 && answer.status !== 404) {
        throw new Error(`Deleting the sample ${name} answered ${answer.status}.`);
      }
    }
  } finally {
    client.close();
    await local.emulator.close();
  }
  return { fillMs: Math.round(performance.now() - started) };
}
