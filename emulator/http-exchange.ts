import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import type { ApiResponse } from './api-error';

/** Bodies above this get 413: a dataset is at most a few kilobytes, so 1 MiB is generous. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_MEDIA_TYPES = new Set(['application/json', 'application/json-patch+json']);

/** The media type without parameters such as `; charset=utf-8`, lower-cased. */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The contract names application/json-patch+json; plain JSON is accepted because the body is plain JSON. */
export function requireJsonContentType(req: IncomingMessage): void {
  const type = mediaType(req.headers['content-type']);
  if (!JSON_MEDIA_TYPES.has(type)) {
    const given = type === '' ? 'no Content-Type' : `Content-Type "${type}"`;
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `The body must be sent as application/json-patch+json (or application/json); got ${given}.`,
      { target: 'Content-Type' },
    );
  }
}

function tooLarge(): ApiError {
  return new ApiError(
    413,
    'RequestEntityTooLarge',
    `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    { target: 'body' },
  );
}

/** Reads the whole body, refusing early when it grows past the limit instead of buffering it all. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Keep draining without keeping, so the client can finish sending and read the 413.
        req.off('data', onData);
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    // A client that goes away mid-body emits neither 'end' nor always 'error'.
    req.once('close', () => {
      if (!req.complete)
        reject(new Error('The client closed the connection before the body ended.'));
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses the body as one JSON object; anything else is a 400 that says what was wrong with it. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) {
    throw new ApiError(400, 'InvalidRequestBody', 'The request needs a JSON object body.', {
      target: 'body',
    });
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new ApiError(400, 'InvalidRequestBody', 'The request body is not valid UTF-8.', {
      target: 'body',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, 'InvalidRequestBody', `The request body is not valid JSON: ${reason}`, {
      target: 'body',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ApiError(
      400,
      'InvalidRequestBody',
      `The request body must be a JSON object; got ${kind}.`,
      { target: 'body' },
    );
  }
  return value as Record<string, unknown>;
}

interface EncodedResponse {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer | undefined;
}

function encode(response: ApiResponse): EncodedResponse {
  // As the service does: the id support asks for, which the app's Activity view shows.
  const headers: Record<string, string | number> = {
    'apim-request-id': randomUUID(),
    ...response.headers,
  };
  if (response.body === undefined) return { status: response.status, headers, body: undefined };
  const body = Buffer.from(JSON.stringify(response.body), 'utf8');
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = body.length;
  return { status: response.status, headers, body };
}

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed) return;
  const { status, headers, body } = encode(response);
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * A "lost response": the headers promise the whole body, half of it arrives, then the connection
 * drops, so the client cannot tell whether its change was applied. A response without a body
 * would be complete after its headers, so it is dropped before any byte instead.
 */
export function writeHalfThenDestroy(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed) return;
  const { status, headers, body } = encode(response);
  if (body === undefined || body.length < 2) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(status, headers);
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}
