// A load generator in a process of its own, so the emulator's figure is not the bench's event
// loop: `node --import tsx bench/emulator-load.ts URL KEY CLIENTS WARMUP_MS WINDOW_MS` prints one
// JSON line, { requests, windowMs, failures }.
import { performance } from 'node:perf_hooks';
import { emulatorClient } from './emulator-http';
import { benchDatasetName, benchFields } from './synthetic-datasets';

export interface LoadResult {
  requests: number;
  windowMs: number;
  failures: number;
}

/**
 * `clients` keep-alive sockets, each updating its own dataset with its current eTag as fast as
 * the answers come, counted over a fixed window after a warm-up.
 */
export async function generateLoad(
  url: string,
  key: string,
  clients: number,
  warmupMs: number,
  windowMs: number,
): Promise<LoadResult> {
  const client = emulatorClient(url, key, clients);
  try {
    const eTags: string[] = [];
    for (let c = 0; c < clients; c++) {
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
    let requests = 0;
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
        if (counting) requests += 1;
      }
    };
    const running = Array.from({ length: clients }, (_, c) => loop(c));
    await new Promise((r) => setTimeout(r, warmupMs));
    counting = true;
    const started = performance.now();
    await new Promise((r) => setTimeout(r, windowMs));
    counting = false;
    const elapsed = performance.now() - started;
    stop = true;
    await Promise.all(running);
    return { requests, windowMs: Math.round(elapsed), failures };
  } finally {
    client.close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [url, key, clients, warmupMs, windowMs] = process.argv.slice(2);
  const result = await generateLoad(
    url!,
    key!,
    Number(clients),
    Number(warmupMs),
    Number(windowMs),
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
