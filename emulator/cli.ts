import { parseArgs } from 'node:util';
import { MAX_LATENCY_MS } from './faults';
import { MAX_RATE_LIMIT } from './rate-limit';
import { startEmulator } from './server';
import type { EmulatorOptions, RunningEmulator } from './server';

const USAGE = `Usage: tsx emulator/cli.ts --key KEY [--port PORT] [--host HOST] [--data FILE] [--seed] [--faults] [--latency MS] [--rate-limit N]

  --key KEY      subscription key clients must send in Ocp-Apim-Subscription-Key (required)
  --port PORT    port to listen on; 0 picks a free one (default 5181)
  --host HOST    address to listen on (default 127.0.0.1)
  --data FILE    keep datasets in FILE (JSON, written atomically); in memory otherwise
  --seed         add sample datasets to a new store (in memory, or a --data FILE not yet made)
  --faults       enable fault injection and its control endpoint /_emulator/faults
  --latency MS   delay every API response by MS milliseconds
  --rate-limit N at most N API requests per second per subscription key (a token bucket that
                 holds N); beyond it, 429 with Retry-After in whole seconds. 0: no limit (default)`;

const DEFAULT_PORT = 5181;

/** Thrown for a bad command line: main prints it with the usage and exits with status 2. */
class UsageError extends Error {}

function usageError(message: string): never {
  throw new UsageError(message);
}

function integerArgument(
  name: string,
  text: string | undefined,
  fallback: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text) || Number(text) > max) {
    usageError(`--${name} must be a whole number from 0 to ${max}; got "${text}".`);
  }
  return Number(text);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        key: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'boolean' },
        faults: { type: 'boolean' },
        latency: { type: 'string' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
}

function optionsFromCommandLine(): EmulatorOptions | undefined {
  const args = parseCommandLine();
  if (args.help) return undefined;
  if (args.key === undefined || args.key === '') usageError('--key is required.');
  return {
    key: args.key,
    port: integerArgument('port', args.port, DEFAULT_PORT, 65535),
    host: args.host,
    dataFile: args.data,
    seed: args.seed,
    faults: args.faults,
    latencyMs: integerArgument('latency', args.latency, 0, MAX_LATENCY_MS),
    rateLimit: integerArgument('rate-limit', args['rate-limit'], 0, MAX_RATE_LIMIT),
  };
}

async function main(): Promise<void> {
  let options: EmulatorOptions | undefined;
  try {
    options = optionsFromCommandLine();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    console.info(USAGE);
    return;
  }

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    // Exit by running out of work, so the message is flushed even where stderr is asynchronous.
    console.error((error as Error).message);
    process.exitCode = 1;
    return;
  }
  console.info(`Datasets emulator listening on ${emulator.url}`);

  let stopping = false;
  const stop = () => {
    // A second signal means "now": the data file is still safe, only unanswered requests are lost.
    if (stopping) process.exit(1);
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The emulator did not close cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
