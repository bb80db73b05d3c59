import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');

export interface WebApp {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Output so far, for assertions and for failure messages. */
  output: () => string;
  /** Calls the bridge directly, as the page would: for test setup, not for what is under test. */
  call: <T = unknown>(channel: string, payload?: unknown) => Promise<T>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface WebAppOptions {
  /**
   * Local Blob Storage (Azurite) beside the Local emulator, its seeded datasets pointing at
   * sample files there. Off by default (`--no-local-storage`): specs then see the seeds as
   * the emulator lists them, with made-up addresses.
   */
  localStorage?: boolean;
}

/** Starts browser mode (`electron/web/cli.ts`) on a free port with its own data folder. */
export async function startWebApp(
  dataDir = mkdtempSync(join(tmpdir(), 'dm-e2e-')),
  options: WebAppOptions = {},
): Promise<WebApp> {
  // Node itself with tsx's loader, not the tsx command: that one runs the server in a child
  // process, so a signal such as SIGKILL (a crash, for the tests) would not reach the server.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/web/cli.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-open',
      ...(options.localStorage ? [] : ['--no-local-storage']),
    ],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode did not start:\n${text}`)),
      30_000,
    );
    const look = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${text}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    process: child,
    output: () => text,
    async call<T>(channel: string, payload: unknown = {}) {
      const res = await fetch(`${parsed.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
      });
      return (await res.json()) as T;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
