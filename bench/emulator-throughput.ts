import { performance } from 'node:perf_hooks';
import { benchDatasetName, benchFields } from './synthetic-datasets';
import { emulatorClient } from './emulator-http';
import { startEmulatorProcess } from './emulator-process';
import type { Figure } from './figure';
import { measured } from './figure';

const CLIENTS = 16;
const WARMUP_MS = 500;
const WINDOW_MS = 3_000;

/**
 * PATCH throughput of the emulator, in memory with no latency, in a process of its own: 16
 * clients on keep-alive sockets, each updating its own dataset with its current eTag as fast as
 * the answers come, counted over a fixed window after a warm-up.
 */
export async function measureEmulatorThroughput(): Promise<Figure> {
  const emulator = await startEmulatorProcess();
  const client = emulatorClient(emulator.url, emulator.key, CLIENTS);
  try {
    const eTags: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const created = await client.send(
        'PUT',
        client.datasetPath(benchDatasetName(c)),
        benchFields(c),
      );
      if (created.status !== 201) throw new Error(`Register answered ${created.status}.`);
      eTags.push((created.body as { eTag: string }).eTag);
    }

    let counting = false;
    let stop = false;
    let counted = 0;
    let failures = 0;
    const loop = async (c: number) => {
      const path = client.datasetPath(benchDatasetName(c));
      for (let i = 0; !stop; i++) {
        const answer = await client.send(
          'PATCH',
          path,
          { customProperties: { client: String(c), round: String(i) } },
          { 'If-Match': `"${eTags[c]}"` },
        );
        if (answer.status === 200) eTags[c] = (answer.body as { eTag: string }).eTag;
        else failures += 1;
        if (counting) counted += 1;
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => loop(c));
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    counting = true;
    const started = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    counting = false;
    const elapsedMs = performance.now() - started;
    stop = true;
    await Promise.all(clients);
    if (failures > 0) throw new Error(`${failures} PATCH requests were not answered 200.`);

    return measured('emulatorReqPerSec', Math.round((counted / elapsedMs) * 1000), {
      requests: counted,
      windowMs: Math.round(elapsedMs),
      clients: CLIENTS,
      warmupMs: WARMUP_MS,
      emulator: 'own Node process (node --import tsx emulator/cli.ts), in memory, latency 0',
    });
  } finally {
    client.close();
    await emulator.stop();
  }
}
