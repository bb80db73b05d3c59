import { Agent, request } from 'node:http';
import { API_VERSION, DATASETS_PATH, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/** A keep-alive client of the emulator on node:http: lean, so the load is the emulator's. */
export function emulatorClient(baseUrl: string, key: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);

  function send(
    method: string,
    path: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const text = payload === undefined ? undefined : JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: {
            [SUBSCRIPTION_KEY_HEADER]: key,
            ...(text !== undefined
              ? {
                  'Content-Type': 'application/json-patch+json',
                  'Content-Length': Buffer.byteLength(text),
                }
              : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              body: raw === '' ? undefined : JSON.parse(raw),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  const datasetPath = (name: string) =>
    `${DATASETS_PATH}/${encodeURIComponent(name)}?api-version=${API_VERSION}`;

  return {
    send,
    datasetPath,
    close: () => agent.destroy(),
  };
}

export type EmulatorClient = ReturnType<typeof emulatorClient>;

/** Runs `task` for each index with at most `limit` at once. */
export async function forEachConcurrently(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
