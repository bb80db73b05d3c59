import { afterEach, describe, expect, it } from 'vitest';
import { API_VERSION, SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import type { FaultSettings, RunningEmulator } from './server';
import {
  TEST_KEY,
  call,
  callUrl,
  datasetsUrl,
  register,
  registerBody,
  startTestEmulator,
} from './test-helpers';

let emulator: RunningEmulator;

afterEach(async () => {
  await emulator.close();
});

function controlUrl(): string {
  return new URL('/_emulator/faults', emulator.url).toString();
}

/** The settings on success, the error body otherwise; a test reads whichever it expects. */
type ControlAnswer = FaultSettings & { error: { code: string; message: string; target?: string } };

async function control(
  method: 'GET' | 'PUT' | 'DELETE',
  body?: unknown,
  key: string | null = TEST_KEY,
) {
  const response = await fetch(controlUrl(), {
    method,
    headers: key === null ? {} : { [SUBSCRIPTION_KEY_HEADER]: key },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as ControlAnswer };
}

async function timed<T>(action: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** A raw request that does not assert anything, for responses that never complete. */
function rawFetch(method: string, path: string, body?: unknown) {
  return fetch(datasetsUrl(emulator, path), {
    method,
    headers: {
      [SUBSCRIPTION_KEY_HEADER]: TEST_KEY,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json-patch+json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('fault injection', () => {
  it('delays every API response by the latency, from the start option or the control endpoint', async () => {
    emulator = await startTestEmulator({ faults: true, latencyMs: 150 });
    expect(await timed(() => call(emulator, 'GET', ''))).toBeGreaterThanOrEqual(140);
    expect((await control('PUT', { latencyMs: 0 })).json.latencyMs).toBe(0);
    expect(await timed(() => call(emulator, 'GET', ''))).toBeLessThan(140);
    await control('PUT', { latencyMs: 250 });
    expect(await timed(() => call(emulator, 'GET', ''))).toBeGreaterThanOrEqual(240);
    // Clearing goes back to the start settings.
    expect((await control('DELETE')).json.latencyMs).toBe(150);
  });

  it('fails exactly the next N requests with the status and Retry-After, doing nothing, then recovers', async () => {
    emulator = await startTestEmulator({ faults: true });
    const settings = await control('PUT', {
      failNext: { status: 503, count: 2, retryAfterSeconds: 7 },
    });
    expect(settings.json.failNext).toEqual({ status: 503, count: 2, retryAfterSeconds: 7 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await call(emulator, 'PUT', '/flowers', { body: registerBody() });
      expect(failed.status).toBe(503);
      expect(failed.headers.get('retry-after')).toBe('7');
      expect(failed.json.error.code).toBe('ServiceUnavailable');
    }
    expect((await control('GET')).json.failNext).toBeNull();
    const recovered = await call(emulator, 'GET', '/flowers');
    expect(recovered.status).toBe(404);
    expect(recovered.headers.get('retry-after')).toBeNull();
    await register(emulator, 'flowers');
  });

  it('sends no Retry-After when none was asked for, e.g. a 429 from the programmatic controller', async () => {
    emulator = await startTestEmulator({ faults: true });
    emulator.faults.set({ failNext: { status: 429, count: 1 } });
    const throttled = await call(emulator, 'GET', '');
    expect(throttled.status).toBe(429);
    expect(throttled.json.error.code).toBe('TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect((await call(emulator, 'GET', '')).status).toBe(200);
  });

  it('resets the connection of the next N requests without carrying them out', async () => {
    emulator = await startTestEmulator({ faults: true });
    await control('PUT', { resetNext: 2 });
    await expect(rawFetch('PUT', '/flowers', registerBody())).rejects.toThrow();
    await expect(rawFetch('GET', '')).rejects.toThrow();
    expect((await call(emulator, 'GET', '/flowers')).status).toBe(404);
  });

  it('loses the response of the next N requests after carrying them out', async () => {
    emulator = await startTestEmulator({ faults: true });
    const original = await register(emulator, 'flowers');
    await register(emulator, 'tulips');
    await control('PUT', { resetMidResponseNext: 3 });

    // The headers (and half the body) arrive, then the connection drops before the body ends.
    const lostPatch = await rawFetch('PATCH', '/flowers', { customProperties: { saved: 'yes' } });
    expect(lostPatch.status).toBe(200);
    await expect(lostPatch.text()).rejects.toThrow();
    const lostRegister = await rawFetch('PUT', '/roses', registerBody());
    expect(lostRegister.status).toBe(201);
    await expect(lostRegister.text()).rejects.toThrow();
    // A 204 would be complete with its headers alone, so nothing at all arrives.
    await expect(rawFetch('DELETE', '/tulips')).rejects.toThrow();

    const after = await call(emulator, 'GET', '/flowers');
    expect(after.json.customProperties).toEqual({ saved: 'yes' });
    expect(after.json.eTag).not.toBe(original.eTag);
    expect((await call(emulator, 'GET', '/roses')).status).toBe(200);
    expect((await call(emulator, 'GET', '/tulips')).status).toBe(404);
  });

  it('guards the control endpoint with the key and refuses invalid settings, naming the field', async () => {
    emulator = await startTestEmulator({ faults: true });
    expect((await control('GET', undefined, null)).status).toBe(401);
    expect((await control('PUT', { resetNext: 1 }, 'wrong')).status).toBe(401);
    const invalid = await control('PUT', { failNext: { status: 200, count: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.target).toBe('failNext.status');
    const unknown = await control('PUT', { explode: true });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/explode/);
    expect((await call(emulator, 'GET', '')).status).toBe(200);
  });
});

describe('with fault injection off', () => {
  it('has no control endpoint and never injects a fault', async () => {
    emulator = await startTestEmulator();
    const endpoint = `${controlUrl()}?api-version=${API_VERSION}`;
    expect((await callUrl('GET', endpoint)).status).toBe(404);
    const put = await callUrl('PUT', endpoint, {
      body: { resetNext: 5, failNext: { status: 503, count: 5 } },
    });
    expect(put.status).toBe(404);
    expect(() => emulator.faults.set({ resetNext: 1 })).toThrow(/faults: true/);
    for (let i = 0; i < 3; i += 1) expect((await call(emulator, 'GET', '')).status).toBe(200);
  });
});
