import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiError, errorResponse } from './api-error';
import type { ApiResponse } from './api-error';
import { handleApiRequest } from './api-router';
import type { ApiRequestContext } from './api-router';
import { DataFileWriter, openDataFile } from './data-file';
import type { DataCodec } from './data-file';
import { DatasetStore } from './dataset-store';
import { FAULTS_PATH, handleFaultControl, injectedFailureResponse } from './fault-http';
import { FaultController, MAX_LATENCY_MS } from './faults';
import { writeHalfThenDestroy, writeResponse } from './http-exchange';
import { MAX_RATE_LIMIT, RateLimiter } from './rate-limit';
import { checkSubscriptionKey } from './request-checks';
import { seedStore } from './seed-datasets';
import type { SeedStorage } from './seed-datasets';

export { FaultController } from './faults';
export type { DataCodec } from './data-file';
export type { SeedStorage } from './seed-datasets';
export type { FailNextSetting, FaultSettings, FaultSettingsUpdate } from './faults';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator is for this machine only. */
  host?: string;
  /** The subscription key clients must send in Ocp-Apim-Subscription-Key. */
  key: string;
  /** Keep datasets in this JSON file (loaded at start, written atomically on every change). */
  dataFile?: string;
  /** How the data file is encoded at rest (the app's embedded emulator encrypts it). */
  dataCodec?: DataCodec;
  /** Add the sample datasets to a new store: in memory, or a data file that does not exist yet. */
  seed?: boolean;
  /**
   * With `seed`: the sample datasets point at their files in local Blob Storage (see
   * emulator/storage/seed-storage.ts) instead of made-up addresses.
   */
  seedStorage?: SeedStorage;
  /** Enable fault injection and its control endpoint /_emulator/faults. */
  faults?: boolean;
  /** Delay before every API response, in milliseconds. */
  latencyMs?: number;
  /**
   * At most this many API requests per second per subscription key, answered 429 with
   * Retry-After beyond it (see rate-limit.ts). 0 or absent: no limit.
   */
  rateLimit?: number;
  /** The rate limit's clock, in milliseconds; tests pass their own. Default Date.now. */
  clock?: () => number;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT (the address clients should use). */
  url: string;
  port: number;
  faults: FaultController;
  /** Stops listening, lets requests in progress finish and waits until the data file is written. */
  close(): Promise<void>;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['PUT', 'PATCH', 'DELETE']);

/** Requests still running this long after close() are cut, so close() always ends. */
const CLOSE_GRACE_MS = 3_000;

function checkOptions(options: EmulatorOptions): void {
  if (typeof options.key !== 'string' || options.key === '') {
    throw new TypeError('The emulator needs a subscription key (option "key").');
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`The port must be an integer from 0 to 65535; got ${options.port}.`);
  }
  const latency = options.latencyMs ?? 0;
  if (!Number.isInteger(latency) || latency < 0 || latency > MAX_LATENCY_MS) {
    throw new RangeError(
      `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}; got ${options.latencyMs}.`,
    );
  }
  const rateLimit = options.rateLimit ?? 0;
  if (!Number.isInteger(rateLimit) || rateLimit < 0 || rateLimit > MAX_RATE_LIMIT) {
    throw new RangeError(
      `rateLimit must be an integer from 0 to ${MAX_RATE_LIMIT}; got ${options.rateLimit}.`,
    );
  }
}

/** A URL host for the listening address; the unspecified addresses are reached via loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? '/';
  try {
    // A fixed base keeps a target like "//x" a path rather than a host.
    return target.startsWith('/') ? new URL(`http://emulator${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

async function respondTo(handler: () => ApiResponse | Promise<ApiResponse>): Promise<ApiResponse> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse();
    const reason = error instanceof Error ? error.message : String(error);
    return errorResponse(500, 'InternalServerError', `The emulator failed: ${reason}`);
  }
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultController(options.faults === true, options.latencyMs ?? 0);

  const opened = options.dataFile
    ? await openDataFile(options.dataFile, options.dataCodec)
    : { datasets: [], isNew: true };
  const store = new DatasetStore(opened.datasets);
  const writer = options.dataFile
    ? new DataFileWriter(options.dataFile, () => store.snapshot(), options.dataCodec)
    : undefined;
  const persist = writer ? () => writer.persist() : () => Promise.resolve();
  // Samples go into a new store only: in an existing file, a missing sample was deleted by someone.
  if (options.seed && opened.isNew && seedStore(store, options.seedStorage) > 0) {
    try {
      await persist();
    } catch (error) {
      throw new Error(
        `Cannot write the emulator data file ${options.dataFile}: ${(error as Error).message}. Check that its folder is writable.`,
        { cause: error },
      );
    }
  }

  let origin = '';
  const context: ApiRequestContext = {
    key: options.key,
    store,
    persist,
    listeningOrigin: () => origin,
    ...(options.rateLimit
      ? { rateLimiter: new RateLimiter(options.rateLimit, options.clock) }
      : {}),
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (faults.enabled && url?.pathname === FAULTS_PATH) {
      const response = await respondTo(() => {
        checkSubscriptionKey(req.headers, options.key);
        return handleFaultControl(req, faults);
      });
      writeResponse(res, response);
      return;
    }
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = faults.takeFault();
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'fail') {
      writeResponse(res, injectedFailureResponse(fault));
      return;
    }
    const response = await respondTo(() => {
      if (url) return handleApiRequest(req, url, context);
      checkSubscriptionKey(req.headers, options.key);
      throw new ApiError(400, 'InvalidArgument', 'The request URL is malformed.');
    });
    if (WRITE_METHODS.has(req.method ?? '') && response.status >= 200 && response.status < 300) {
      faults.recordAppliedWrite();
    }
    if (fault?.kind === 'reset-mid-response') writeHalfThenDestroy(res, response);
    else writeResponse(res, response);
  }

  // Sockets with no request under way: clients such as undici open spare keep-alive sockets
  // that never carry one, and closeIdleConnections() does not see those, so close() ends them.
  const quietSockets = new Set<Socket>();
  const server = createServer((req, res) => {
    quietSockets.delete(req.socket);
    res.once('finish', () => quietSockets.add(req.socket));
    serve(req, res).catch(() => res.destroy());
  });
  // Requests Node's parser refuses (bad bytes in the URL, oversized headers) get the contract's
  // error body too, not Node's bare answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const code = tooLarge ? 'RequestHeaderFieldsTooLarge' : 'BadRequest';
    const message = tooLarge
      ? 'The request headers are too large.'
      : 'The request could not be parsed as HTTP.';
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nx-ms-error-code: ${code}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.on('connection', (socket) => {
    quietSockets.add(socket);
    socket.once('close', () => quietSockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        new Error(`The emulator cannot listen on ${host}:${options.port ?? 0}: ${error.message}`, {
          cause: error,
        }),
      );
    };
    server.once('error', failed);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections that finish their request afterwards are closed as they go idle.
      const sweeper = setInterval(() => server.closeIdleConnections(), 25);
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.closeIdleConnections();
      for (const socket of quietSockets) socket.destroy();
      try {
        await closed;
      } finally {
        clearInterval(sweeper);
        clearTimeout(cut);
      }
      await writer?.idle();
    })();
    return closing;
  };

  return { url: origin, port, faults, close };
}
