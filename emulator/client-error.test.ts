import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ key: 'k' });
});
afterAll(() => emulator.close());

function rawExchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(emulator.port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('requests HTTP itself refuses', () => {
  it('get the contract’s error body and code header, and the emulator keeps serving', async () => {
    const bad = await rawExchange('GET /computervision/\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1\.1 400/);
    expect(bad).toContain('x-ms-error-code: BadRequest');
    expect(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'BadRequest' },
    });
    const huge = await rawExchange(
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    const ok = await fetch(
      `${emulator.url}/computervision/datasets?api-version=2023-02-01-preview`,
      {
        headers: { 'Ocp-Apim-Subscription-Key': 'k' },
      },
    );
    expect(ok.status).toBe(200);
  });
});
