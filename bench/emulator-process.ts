import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');

export interface EmulatorProcess {
  url: string;
  key: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The emulator in a Node process of its own (emulator/cli.ts), so a load generator or the app
 * under test never shares its event loop: what is measured is the emulator, not the bench.
 */
export interface EmulatorProcessOptions {
  faults?: boolean;
  latencyMs?: number;
  /** Requests per second per key (--rate-limit); 0 or absent: none. */
  rateLimit?: number;
  /** A data file to serve (--data); in memory otherwise. */
  dataFile?: string;
}

export async function startEmulatorProcess(
  options: EmulatorProcessOptions = {},
): Promise<EmulatorProcess> {
  const key = 'bench-subscription-key';
  const args = ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--key', key];
  if (options.faults) args.push('--faults');
  if (options.latencyMs) args.push('--latency', String(options.latencyMs));
  if (options.rateLimit) args.push('--rate-limit', String(options.rateLimit));
  if (options.dataFile) args.push('--data', options.dataFile);
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(
      () => failed(new Error(`The emulator did not start:\n${output}`)),
      30_000,
    );
    const look = () => {
      const match = /Datasets emulator listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      found(match[1]!);
    };
    child.stdout.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      failed(new Error(`The emulator exited before listening:\n${output}`));
    });
  });

  return {
    url,
    key,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
