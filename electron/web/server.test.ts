import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/ipc/errors';
import { startWebServer } from './server';
import type { RunningWebServer } from './server';

let server: RunningWebServer;
const calls: { channel: unknown; payload: unknown }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-'));
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
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:80' }],
    ['our port on another name', { Host: `attacker.test:${0}` }],
    ['no Host at all', { Host: '' }],
  ])('refuses %s with 403, even with the token, page included', async (_l, headers) => {
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
