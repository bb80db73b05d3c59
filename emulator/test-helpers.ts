import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  API_VERSION,
  PATCH_CONTENT_TYPE,
  SUBSCRIPTION_KEY_HEADER,
} from '../shared/contract/limits';
import { validateResponse } from './contract/openapi-validator';
import { FaultController, startEmulator } from './server';
import type { EmulatorOptions, RunningEmulator } from './server';

export const TEST_KEY = 'test-subscription-key';

export function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<RunningEmulator> {
  return startEmulator({ key: TEST_KEY, port: 0, ...options });
}

export const blobUri = (i: number) =>
  `https://contosovision.blob.core.windows.net/datasets/train-${i}/annotations.json`;

export function registerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    annotationKind: 'imageClassification',
    annotationFileUris: [blobUri(0)],
    ...overrides,
  };
}

export interface CallOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  /** null leaves the header out; default the right key. */
  key?: string | null;
  /** null leaves the parameter out; default the supported version. */
  apiVersion?: string | null;
  /** Default: the contract's media type whenever there is a body. */
  contentType?: string | null;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read ad-hoc shapes
  json: any;
}

/** Builds a request URL under the emulator; `path` is relative to /computervision/datasets. */
export function datasetsUrl(
  emulator: RunningEmulator,
  path: string,
  query: Record<string, string> = {},
  apiVersion: string | null = API_VERSION,
): string {
  const url = new URL(`/computervision/datasets${path}`, emulator.url);
  if (apiVersion !== null) url.searchParams.set('api-version', apiVersion);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

/** Sends one request and asserts that the response conforms to the Swagger contract. */
export async function callUrl(
  method: string,
  url: string,
  options: Omit<CallOptions, 'query' | 'apiVersion'> = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers[SUBSCRIPTION_KEY_HEADER] = options.key ?? TEST_KEY;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (options.contentType !== null) {
      headers['Content-Type'] = options.contentType ?? PATCH_CONTENT_TYPE;
    }
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  const problems = validateResponse({
    method,
    url,
    status: response.status,
    headers: response.headers,
    body: text,
  });
  expect(problems, `${method} ${url} breaks the contract`).toEqual([]);
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function call(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  return callUrl(method, datasetsUrl(emulator, path, options.query, options.apiVersion), options);
}

/** Registers a dataset and returns it as the service answered. */
export async function register(
  emulator: RunningEmulator,
  name: string,
  overrides: Record<string, unknown> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read ad-hoc shapes
): Promise<any> {
  const result = await call(emulator, 'PUT', `/${name}`, { body: registerBody(overrides) });
  expect(result.status, result.text).toBe(201);
  return result.json;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Runs emulator/cli.ts in its own Node process (no tsx wrapper, so a signal reaches it). */
export function spawnCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Starts the CLI and waits for its "listening" line; returns the URL it printed. */
export async function startCli(args: string[]): Promise<CliProcess & { url: string }> {
  const cli = spawnCli(args);
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /^Datasets emulator listening on (http:\/\/\S+)$/m.exec(cli.stdout());
      if (match) {
        cli.child.stdout.off('data', onData);
        resolve(match[1]!);
      }
    };
    cli.child.stdout.on('data', onData);
    void cli.exited.then((code) =>
      reject(new Error(`The CLI exited (${code}) before listening: ${cli.stderr()}`)),
    );
  });
  return { ...cli, url };
}

/** A RunningEmulator-like handle for helpers that only need the URL. */
export function remote(url: string): RunningEmulator {
  return {
    url,
    port: Number(new URL(url).port),
    faults: new FaultController(false),
    close: () => Promise.resolve(),
  };
}
