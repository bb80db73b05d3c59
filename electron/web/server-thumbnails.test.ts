import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../emulator/storage/png';
import { ok } from '../../shared/ipc/errors';
import { startWebServer } from './server';
import type { RunningWebServer } from './server';

let server: RunningWebServer;
const png = encodePng(2, 2, () => [0, 0, 0]);
const asked: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-thumbs-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dataset Manager</title>');
  server = await startWebServer({
    port: 0,
    staticDir: dir,
    dispatch: async () => ok(null),
    readThumbnail: async (id) => {
      asked.push(id);
      return id === 'known'
        ? { ok: true, contentType: 'image/png', body: new Uint8Array(png) }
        : { ok: false, status: 404, problem: { code: 'other', message: 'No longer kept.' } };
    },
  });
});
afterAll(() => server.close());

function get(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'GET', path, headers, setHost: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('thumbnails over the browser-mode bridge', () => {
  const host = () => `127.0.0.1:${server.port}`;

  it('hands the image bytes to the page that has the token, as an image that is never sniffed', async () => {
    const res = await get('/api/thumbnails/known', {
      Host: host(),
      Authorization: `Bearer ${server.token}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(png)).toBe(true);
  });

  it('answers a refusal as JSON with the problem in words', async () => {
    const res = await get('/api/thumbnails/gone', {
      Host: host(),
      Authorization: `Bearer ${server.token}`,
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({
      problem: { code: 'other', message: 'No longer kept.' },
    });
  });

  it('refuses a request without the token, from another site, or to another host', async () => {
    asked.length = 0;
    const noToken = await get('/api/thumbnails/known', { Host: host() });
    const crossSite = await get('/api/thumbnails/known', {
      Host: host(),
      Authorization: `Bearer ${server.token}`,
      Origin: 'https://evil.example',
    });
    const rebound = await get('/api/thumbnails/known', {
      Host: 'evil.example',
      Authorization: `Bearer ${server.token}`,
    });
    expect([noToken.status, crossSite.status, rebound.status]).toEqual([401, 403, 403]);
    expect(asked).toEqual([]);
  });
});
