import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { PAGE_SECURITY_HEADERS } from '../core/content-security-policy';
import type { Dispatch } from '../core/ipc/dispatcher';
import { checkHost, checkOrigin, checkToken } from './bridge-guard';
import { readRendererFile } from '../core/renderer-files';
import { thumbnailHttpAnswer } from '../core/storage/thumbnails';
import type { ThumbnailResult } from '../core/storage/thumbnails';
import { BRIDGE_THUMBNAIL_PATH } from '../../shared/storage/image-preview';

export const BRIDGE_PREFIX = '/api/';
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 15_000;

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  dispatch: Dispatch;
  /** Fixed only in tests; otherwise random per start. */
  token?: string;
  /** The largest request body accepted; a larger one gets 413. 2 MiB by default. */
  maxBodyBytes?: number;
  /** How long a client may take to send a whole request, body included; 15 s by default. */
  requestTimeoutMs?: number;
  /** How long a client may take to send the headers; 15 s by default, at most requestTimeoutMs. */
  headersTimeoutMs?: number;
  /** GET /api/thumbnails/<id>: a checked file's sampled image, guarded like the bridge. */
  readThumbnail?: (id: string) => Promise<ThumbnailResult>;
}

export interface RunningWebServer {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    // Given, not left to chunked encoding: one less thing for the page to parse per call.
    'Content-Length': Buffer.byteLength(text),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (Number.isInteger(mib)) return `${mib} MiB`;
  const kib = bytes / 1024;
  if (Number.isInteger(kib)) return `${kib} KiB`;
  return `${bytes} bytes`;
}

/** Resolves undefined, and stops reading, as soon as the body passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Not destroyed here: the caller still answers 413 (with Connection: close) on it.
        stop();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onClose = () => {
      stop();
      reject(new Error('The request was closed before its body arrived.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the built page and a bridge, POST /api/<channel>, that calls the very
 * same dispatcher as Electron's IPC. Bound to 127.0.0.1 only.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(
    options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    requestTimeout,
  );
  const tooLarge = (res: ServerResponse) =>
    // Connection: close, so the rest of the body is not waited for: Node closes the socket as
    // soon as this answer is out.
    send(
      res,
      413,
      { error: `The request is too large: the limit is ${describeBytes(maxBodyBytes)}.` },
      { Connection: 'close' },
    );

  const serverOptions = {
    // A client that is slow to send its headers or body (Node's defaults: 60 s and 300 s) gets
    // 408 and the connection closed.
    requestTimeout,
    headersTimeout,
    // Node checks both timeouts only this often (30 s by default).
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4))),
  };
  const server = createServer(serverOptions, (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'The server hit an unexpected problem.' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Checked before anything is read, so a client sending too much gets an answer, not a reset.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!Number.isFinite(declared) || declared > maxBodyBytes) return tooLarge(res);
    for (const verdict of [checkHost(req, port), checkOrigin(req, port)]) {
      if (!verdict.ok) return send(res, verdict.status, { error: verdict.message });
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;

    if (path.startsWith(BRIDGE_THUMBNAIL_PATH) && options.readThumbnail) {
      if (req.method !== 'GET') return send(res, 405, { error: 'Use GET.' }, { Allow: 'GET' });
      const auth = checkToken(req, token);
      if (!auth.ok) return send(res, auth.status, { error: auth.message });
      const answer = thumbnailHttpAnswer(
        await options.readThumbnail(path.slice(BRIDGE_THUMBNAIL_PATH.length)),
      );
      res.writeHead(answer.status, {
        ...answer.headers,
        'Content-Length': answer.body.byteLength,
      });
      return res.end(answer.body);
    }

    if (path.startsWith(BRIDGE_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
      const auth = checkToken(req, token);
      if (!auth.ok) return send(res, auth.status, { error: auth.message });
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, { error: 'Send the request as application/json.' });
      }
      // A body without Content-Length (chunked) is cut off, and answered, once past the limit.
      const text = await readBody(req, maxBodyBytes);
      if (text === undefined) return tooLarge(res);
      let payload: unknown;
      try {
        payload = text === '' ? {} : JSON.parse(text);
      } catch {
        return send(res, 400, { error: 'The request body is not valid JSON.' });
      }
      let channel: string;
      try {
        channel = decodeURIComponent(path.slice(BRIDGE_PREFIX.length));
      } catch {
        return send(res, 400, { error: 'The request address is malformed.' });
      }
      return send(res, 200, await options.dispatch(channel, payload));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { error: 'Method not allowed.' }, { Allow: 'GET, HEAD' });
    }
    const file = await readRendererFile(options.staticDir, path);
    if (!file && extname(path) !== '') return send(res, 404, { error: 'Not found.' });
    // Other unknown paths get the page, so a reload of any in-app address works.
    const served = file ?? (await readRendererFile(options.staticDir, '/index.html'));
    if (!served) {
      return send(res, 503, { error: 'The UI is not built yet: run `npm run build`.' });
    }
    res.writeHead(200, {
      'Content-Type': served.contentType,
      'Cache-Control': served.contentType.startsWith('text/html') ? 'no-store' : 'max-age=3600',
      ...PAGE_SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : served.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
