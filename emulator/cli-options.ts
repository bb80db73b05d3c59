import { parseArgs } from 'node:util';
import { MAX_LATENCY_MS } from './faults';
import { MAX_RATE_LIMIT } from './rate-limit';
import type { EmulatorOptions } from './server';

export const USAGE = `Usage: tsx emulator/cli.ts --key KEY [--port PORT] [--host HOST] [--data FILE] [--seed] [--storage] [--storage-port PORT] [--faults] [--latency MS] [--rate-limit N]

  --key KEY      subscription key clients must send in Ocp-Apim-Subscription-Key (required)
  --port PORT    port to listen on; 0 picks a free one (default 5181)
  --host HOST    address to listen on (default 127.0.0.1)
  --data FILE    keep datasets in FILE (JSON, written atomically); in memory otherwise
  --seed         add sample datasets to a new store (in memory, or a --data FILE not yet made)
  --storage      also run local Blob Storage (Azurite, in memory) with a container "samples" of
                 COCO files and images, and seed the sample datasets pointing at it with a SAS
                 token (implies --seed); stopped with the emulator
  --storage-port PORT  Blob Storage's port; 0 picks a free one (default 10000, Azurite's own)
  --faults       enable fault injection and its control endpoint /_emulator/faults
  --latency MS   delay every API response by MS milliseconds
  --rate-limit N at most N API requests per second per subscription key (a token bucket that
                 holds N); beyond it, 429 with Retry-After in whole seconds. 0: no limit (default)`;

const DEFAULT_PORT = 5181;
/** Azurite's usual blob port: a --data file's seeded URIs name it, so it should not move. */
const DEFAULT_STORAGE_PORT = 10000;

/** Thrown for a bad command line: main prints it with the usage and exits with status 2. */
export class UsageError extends Error {}

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

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        key: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'boolean' },
        storage: { type: 'boolean' },
        'storage-port': { type: 'string' },
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

export interface CommandLine {
  emulator: EmulatorOptions;
  /** Local Blob Storage with the sample files, on this port; absent without --storage. */
  storage?: { port: number };
}

/** The command line as options; undefined for --help. Throws UsageError for a bad one. */
export function parseCommandLine(argv: string[]): CommandLine | undefined {
  const args = parseArguments(argv);
  if (args.help) return undefined;
  if (args.key === undefined || args.key === '') usageError('--key is required.');
  if (args['storage-port'] !== undefined && !args.storage) {
    usageError('--storage-port needs --storage.');
  }
  return {
    emulator: {
      key: args.key,
      port: integerArgument('port', args.port, DEFAULT_PORT, 65535),
      host: args.host,
      dataFile: args.data,
      seed: args.seed === true || args.storage === true,
      faults: args.faults,
      latencyMs: integerArgument('latency', args.latency, 0, MAX_LATENCY_MS),
      rateLimit: integerArgument('rate-limit', args['rate-limit'], 0, MAX_RATE_LIMIT),
    },
    ...(args.storage
      ? {
          storage: {
            port: integerArgument(
              'storage-port',
              args['storage-port'],
              DEFAULT_STORAGE_PORT,
              65535,
            ),
          },
        }
      : {}),
  };
}
