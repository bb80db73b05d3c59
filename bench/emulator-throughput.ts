import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { LoadResult } from './emulator-load';
import { startEmulatorProcess } from './emulator-process';
import type { Figure } from './figure';
import { measured } from './figure';

const CLIENTS = 16;
const WARMUP_MS = 500;
const WINDOW_MS = 3_000;
const repo = resolve(import.meta.dirname, '..');

/** Runs bench/emulator-load.ts in a Node process of its own and reads its one line of JSON. */
function runLoadGenerator(url: string, key: string): Promise<LoadResult> {
  const args = ['--import', 'tsx', 'bench/emulator-load.ts', url, key];
  args.push(String(CLIENTS), String(WARMUP_MS), String(WINDOW_MS));
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, failed) => {
    child.once('error', failed);
    child.once('exit', (code) => {
      if (code !== 0) return failed(new Error(`The load generator exited ${code}: ${stderr}`));
      try {
        done(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
      } catch {
        failed(new Error(`The load generator printed no result: ${stdout}${stderr}`));
      }
    });
  });
}

/**
 * PATCH throughput of the emulator, in memory with no latency: the emulator and the load
 * generator (16 keep-alive clients, each updating its own dataset with its eTag) each in a Node
 * process of their own, neither sharing the bench's event loop.
 */
export async function measureEmulatorThroughput(): Promise<Figure> {
  const emulator = await startEmulatorProcess();
  try {
    const load = await runLoadGenerator(emulator.url, emulator.key);
    if (load.failures > 0)
      throw new Error(`${load.failures} PATCH requests were not answered 200.`);
    return measured(
      'emulatorReqPerSec',
      Math.round((load.requests / load.windowMs) * 1000),
      {
        requests: load.requests,
        windowMs: load.windowMs,
        clients: CLIENTS,
        warmupMs: WARMUP_MS,
        emulator: 'own Node process (node --import tsx emulator/cli.ts), in memory, latency 0',
        loadGenerator: 'own Node process (bench/emulator-load.ts), node:http keep-alive',
      },
      'The emulator and the load generator are two processes sharing this machine’s cores, so the figure is what one machine serving and loading itself reaches, not the emulator alone.',
    );
  } finally {
    await emulator.stop();
  }
}
