import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../../emulator/server';
import type { FaultSettingsUpdate, RunningEmulator } from '../../emulator/server';
import type { DatasetFields } from '../../shared/contract/dataset';
import type { AppError } from '../../shared/ipc/errors';
import { createDatasetsClient } from '../core/datasets/client';
import type { DatasetsClient, DatasetsClientOptions } from '../core/datasets/client';

/** Shared by the client's tests only; not part of the app. */

export const TEST_KEY = 'test-key-0123456789abcdef0123456789';
export const TEST_SAS_TOKEN = 'sv=2022-11-02&ss=b&sp=rl&sig=S3cr3tS1gnatur3%2Bw%3D';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
  startedAt: number;
}

export interface Recorder {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** The most requests that were waiting for an answer at the same moment. */
  maxInFlight: () => number;
  count: (method: string) => number;
  clear: () => void;
}

/**
 * Wraps a fetch to record what the client sends. `intercept` may replace the answer, to play a
 * service or network that misbehaves in ways the emulator does not offer.
 */
export function recordingFetch(
  inner: typeof fetch = fetch,
  intercept?: (request: RecordedRequest, send: () => Promise<Response>) => Promise<Response>,
): Recorder {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const recorded: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(
      [...new Headers(init?.headers).entries()].map(([k, v]) => [k.toLowerCase(), v]),
    );
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : String(input)),
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
      startedAt: requests.length,
    };
    requests.push(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const send = () => inner(input, init);
    try {
      return intercept ? await intercept(request, send) : await send();
    } finally {
      inFlight -= 1;
    }
  };
  return {
    fetch: recorded,
    requests,
    maxInFlight: () => maxInFlight,
    count: (method) => requests.filter((r) => r.method === method).length,
    clear: () => {
      requests.length = 0;
      maxInFlight = 0;
    },
  };
}

export async function startFaultyEmulator(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, key: TEST_KEY, faults: true });
}

export function setFaults(emulator: RunningEmulator, update: FaultSettingsUpdate): void {
  emulator.faults.set(update);
}

/** Records the waits between retries instead of waiting. */
export function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: (ms: number) => (delays.push(ms), Promise.resolve()) };
}

export interface TestClient {
  client: DatasetsClient;
  recorder: Recorder;
  delays: number[];
}

export function testClient(
  emulator: RunningEmulator,
  options: Partial<DatasetsClientOptions> & { recorder?: Recorder } = {},
): TestClient {
  const recorder = options.recorder ?? recordingFetch();
  const { delays, sleep } = recordingSleep();
  const client = createDatasetsClient({
    endpoint: emulator.url,
    key: TEST_KEY,
    timeoutMs: 2_000,
    random: () => 0.5,
    sleep,
    ...options,
    fetch: options.fetch ?? recorder.fetch,
  });
  return { client, recorder, delays };
}

export const blobUri = (i: number) =>
  `https://contosovision.blob.core.windows.net/datasets/train-${i}/coco.json`;

export function sampleFields(overrides: Partial<DatasetFields> = {}): DatasetFields {
  return {
    annotationKind: 'imageClassification',
    annotationFileUris: [blobUri(0), blobUri(1)],
    customProperties: { team: 'botany' },
    ...overrides,
  };
}

let nameCounter = 0;
/** A fresh dataset name per test, so tests sharing an emulator do not meet. */
export function uniqueName(prefix = 'ds'): string {
  nameCounter += 1;
  return `${prefix}-${process.pid}-${nameCounter}`;
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every string a user could see in an error. */
export function visibleText(error: AppError): string {
  return [
    error.message,
    error.code ?? '',
    ...(error.details ?? []).flatMap((d) => [d.field, d.message]),
  ].join('\n');
}
