import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/ipc/errors';
import { DEFAULT_MAX_BODY_BYTES, startWebServer } from './server';
import type { RunningWebServer } from './server';

let server: RunningWebServer;
let dir: string;
const calls: { channel: unknown; payload: unknown }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dataset Manager</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'outside.txt'), 'do not serve');
  server = await startWebServer({
    port: 0,
    staticDir: dir,
    dispatch: async (channel, payload) => {
      calls.push({ channel, payload });
      return ok({ echoed: payload });
    },
  });
});
afterAll(() => server.close());

/** A raw request, so Host, Origin and the rest can be set the way an attacker would. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path, headers, setHost: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => `127.0.0.1:${server.port}`;
const bridge = (extra: Record<string, string> = {}, body = '{}') =>
  raw(
    'POST',
    '/api/connections:list',
    {
      Host: host(),
      'Content-Type': 'application/json',
      Authorization: `Bearer ${server.token}`,
      ...extra,
    },
    body,
  );

describe('browser mode server', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page with a strict CSP and no referrer', async () => {
    const res = await raw('GET', '/', { Host: host() });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Dataset Manager');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await raw('GET', '/../outside.txt', { Host: host() });
    expect(res.body).not.toContain('do not serve');
    const encoded = await raw('GET', '/%2e%2e/outside.txt', { Host: host() });
    expect(encoded.body).not.toContain('do not serve');
  });

  it('passes a bridge call with the token to the dispatcher', async () => {
    calls.length = 0;
    const res = await bridge({}, '{"a":1}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echoed: { a: 1 } } });
    expect(calls).toEqual([{ channel: 'connections:list', payload: { a: 1 } }]);
  });

  it.each([
    ['no token', { Authorization: '' }],
    ['a wrong token', { Authorization: 'Bearer wrong-token' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${'x'.repeat(32)}` }],
  ])('refuses a bridge call with %s: 401', async (_l, headers) => {
    calls.length = 0;
    const res = await bridge(headers);
    expect(res.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', () => ({ Host: 'evil.example:80' })],
    ['our port on another name', () => ({ Host: `evil.example:${server.port}` })],
    ['no Host at all', () => ({ Host: '' })],
  ])('refuses %s with 403, even with the token, page included', async (_l, hostHeader) => {
    const headers = hostHeader();
    expect(headers.Host).not.toBe(host());
    calls.length = 0;
    expect((await bridge(headers)).status).toBe(403);
    expect((await raw('GET', '/', headers)).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('accepts localhost:PORT as Host', async () => {
    expect((await bridge({ Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['an Origin on another port', { Origin: 'http://127.0.0.1:1' }],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses %s with 403', async (_l, headers) => {
    calls.length = 0;
    expect((await bridge(headers)).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('accepts our own Origin', async () => {
    expect((await bridge({ Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('refuses a non-JSON body type (a form post) and malformed JSON', async () => {
    expect((await bridge({ 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await bridge({}, '{oops')).status).toBe(400);
  });
});

interface RawExchange {
  /** Everything the server sent, status line included. */
  response: string;
  /** Whether the server closed the connection (false: still open when the client gave up). */
  closed: boolean;
}

/**
 * A raw TCP client, for what `http.request` cannot do: a body that is still being sent, or
 * never finished. `talk` writes; the promise resolves once the server closes the connection
 * (a reset included, after what it answered), or after `giveUpMs` with `closed: false`.
 */
function tcp(
  port: number,
  talk: (socket: Socket, answered: () => boolean) => void,
  giveUpMs = 5_000,
): Promise<RawExchange> {
  return new Promise((resolve) => {
    let response = '';
    const socket = connect(port, '127.0.0.1');
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, giveUpMs);
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    // EPIPE or ECONNRESET once the server stops listening to a body: what it sent still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ response, closed: true });
    });
    socket.on('connect', () => talk(socket, () => response !== '' || socket.destroyed));
  });
}

/** Writes `total` bytes of body, framed by `frame`, until the server answers or closes. */
async function sendBody(
  socket: Socket,
  answered: () => boolean,
  total: number,
  frame: (chunk: Buffer) => Buffer = (c) => c,
) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  for (let sent = 0; sent < total && !answered(); sent += chunk.length) {
    if (!socket.write(frame(chunk))) {
      await new Promise<void>((resolve) => {
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
    }
  }
}

const bridgeHead = (port: number, lengthHeader: string) =>
  [
    'POST /api/connections:list HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Content-Type: application/json',
    `Authorization: Bearer ${server.token}`,
    lengthHeader,
    '',
    '',
  ].join('\r\n');

function expectTooLarge(exchange: RawExchange) {
  expect(exchange.response).toMatch(/^HTTP\/1\.1 413 /);
  expect(exchange.response).toMatch(/\r\nconnection: close\r\n/i);
  const json = /\{.*\}/s.exec(exchange.response)?.[0] ?? '';
  expect(JSON.parse(json)).toEqual({
    error: 'The request is too large: the limit is 2 MiB.',
  });
  expect(exchange.closed).toBe(true);
}

describe('browser mode server limits', () => {
  const overLimit = DEFAULT_MAX_BODY_BYTES + 1024 * 1024;

  it('answers 413, not a reset, to a Content-Length over the limit', async () => {
    calls.length = 0;
    const exchange = await tcp(server.port, (socket, answered) => {
      socket.write(bridgeHead(server.port, `Content-Length: ${overLimit}`));
      void sendBody(socket, answered, overLimit);
    });
    expectTooLarge(exchange);
    expect(calls).toEqual([]);
  });

  it('answers 413 to a chunked body once it grows over the limit', async () => {
    calls.length = 0;
    const exchange = await tcp(server.port, (socket, answered) => {
      socket.write(bridgeHead(server.port, 'Transfer-Encoding: chunked'));
      // Never finished (no last chunk): the answer must come while the body is still arriving.
      void sendBody(socket, answered, overLimit, (c) =>
        Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]),
      );
    });
    expectTooLarge(exchange);
    expect(calls).toEqual([]);
  });

  it('still takes a body just under the limit', async () => {
    const res = await bridge({}, JSON.stringify({ a: 'a'.repeat(DEFAULT_MAX_BODY_BYTES - 100) }));
    expect(res.status).toBe(200);
  });

  describe('with short timeouts', () => {
    let slow: RunningWebServer;
    beforeAll(async () => {
      slow = await startWebServer({
        port: 0,
        staticDir: dir,
        token: server.token,
        dispatch: async () => ok(null),
        requestTimeoutMs: 300,
        headersTimeoutMs: 300,
      });
    });
    afterAll(() => slow.close());

    /** Node answers 408 when it still can, or just closes the connection. */
    function expectEnded(exchange: RawExchange) {
      expect(exchange.closed).toBe(true);
      expect(exchange.response).toMatch(/^(HTTP\/1\.1 408 [^]*)?$/);
    }

    it('ends a request whose body is too slow', async () => {
      const exchange = await tcp(slow.port, (socket) => {
        socket.write(bridgeHead(slow.port, 'Content-Length: 100'));
        socket.write('{"a":');
      });
      expectEnded(exchange);
    });

    it('ends a request whose headers are too slow', async () => {
      const exchange = await tcp(slow.port, (socket) => {
        socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\n`);
      });
      expectEnded(exchange);
    });

    it('serves a request sent in time', async () => {
      const exchange = await tcp(slow.port, (socket) => {
        socket.write(bridgeHead(slow.port, 'Content-Length: 2'));
        socket.end('{}');
      });
      expect(exchange.response).toMatch(/^HTTP\/1\.1 200 /);
    });
  });
});
