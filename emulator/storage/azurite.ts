import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Azurite's published development account (its README): not a secret, the same everywhere. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  /** `http://127.0.0.1:PORT/devstoreaccount1`: the account's blob endpoint. */
  blobEndpoint: string;
  port: number;
  accountName: string;
  accountKey: string;
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** 0 (default): a free loopback port. */
  port?: number;
  /** The most the in-memory blobs may hold, in MB (Azurite's default is half the machine's memory). */
  memoryLimitMB?: number;
}

/** Whether Azurite (a dev dependency) is installed: a packaged app comes without it. */
export function azuriteAvailable(): boolean {
  try {
    azuriteBlobMain();
    return true;
  } catch {
    return false;
  }
}

function azuriteBlobMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
}

const LISTENING = /successfully listens on (http:\/\/[^\s]+)/;

/**
 * Azurite's blob service in a child process, in memory, on loopback: real Blob Storage
 * behaviour (SAS signatures, permissions and expiry enforced) with nothing written to disk.
 * `--skipApiVersionCheck` because @azure/storage-blob sends versions newer than Azurite knows.
 */
export async function startAzurite(options: StartAzuriteOptions = {}): Promise<RunningAzurite> {
  const args = [
    azuriteBlobMain(),
    '--inMemoryPersistence',
    '--skipApiVersionCheck',
    '--loose',
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(options.port ?? 0),
    '--extentMemoryLimit',
    String(options.memoryLimitMB ?? 512),
  ];
  // In Electron's main process execPath is Electron itself: this makes it run the script as Node.
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const found = LISTENING.exec(output);
      if (found?.[1]) {
        child.stdout.off('data', onData);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`Azurite stopped before it listened (exit ${code}): ${output.trim()}`)),
    );
  });
  // Nothing reads its log from here on; drained so a full pipe never blocks it.
  child.stdout.resume();
  child.stderr.resume();
  const port = Number(new URL(url).port);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return {
    blobEndpoint: `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`,
    port,
    accountName: AZURITE_ACCOUNT,
    accountKey: AZURITE_ACCOUNT_KEY,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}
