import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, register, startTestEmulator } from './test-helpers';

const folder = mkdtempSync(join(tmpdir(), 'emulator-concurrency-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each([
  ['in memory', undefined],
  ['with a data file', join(folder, 'datasets.json')],
])('compare-and-set %s', (_, dataFile) => {
  it('lets exactly one of 50 concurrent PATCHes with the same If-Match win', async () => {
    let emulator = await startTestEmulator({ dataFile });
    try {
      const original = await register(emulator, 'contested');
      // 50 open connections first, so the PATCHes arrive together rather than one per handshake.
      await Promise.all(Array.from({ length: 50 }, () => call(emulator, 'GET', '/contested')));
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, writer) =>
          call(emulator, 'PATCH', '/contested', {
            headers: { 'If-Match': original.eTag },
            body: { customProperties: { writer: String(writer) } },
          }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(49);
      const winner = results.find((r) => r.status === 200)!.json;

      const final = await call(emulator, 'GET', '/contested');
      expect(final.json).toEqual(winner);

      if (dataFile) {
        await emulator.close();
        emulator = await startTestEmulator({ dataFile });
        expect((await call(emulator, 'GET', '/contested')).json).toEqual(winner);
      }
    } finally {
      await emulator.close();
    }
  });

  it('lets exactly one of 20 concurrent DELETEs with the same If-Match win', async () => {
    const emulator = await startTestEmulator({ dataFile });
    try {
      const original = await register(emulator, 'doomed');
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(emulator, 'DELETE', '/doomed', { headers: { 'If-Match': original.eTag } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      // The losers see either the changed dataset (412) or none at all (404), never a second 204.
      expect(statuses.filter((s) => s === 204)).toHaveLength(1);
      expect(statuses.every((s) => s === 204 || s === 412 || s === 404)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
