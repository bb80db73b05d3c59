import { afterEach, describe, expect, it } from 'vitest';
import { SUBSCRIPTION_KEY_HEADER } from '../shared/contract/limits';
import type { RunningEmulator } from './server';
import {
  TEST_KEY,
  call,
  datasetsUrl,
  register,
  registerBody,
  startTestEmulator,
} from './test-helpers';

let emulator: RunningEmulator;

afterEach(async () => {
  await emulator.close();
});

async function appliedWrites(): Promise<number> {
  const response = await fetch(new URL('/_emulator/faults', emulator.url), {
    headers: { [SUBSCRIPTION_KEY_HEADER]: TEST_KEY },
  });
  return ((await response.json()) as { appliedWrites: number }).appliedWrites;
}

describe('the applied-writes count of the fault control endpoint', () => {
  it('counts each carried-out PUT, PATCH and DELETE once, and nothing else', async () => {
    emulator = await startTestEmulator({ faults: true });
    expect(await appliedWrites()).toBe(0);

    const flowers = await register(emulator, 'flowers');
    await register(emulator, 'tulips');
    await call(emulator, 'PATCH', '/flowers', {
      body: { customProperties: { a: 'b' } },
      headers: { 'If-Match': flowers.eTag },
    });
    await call(emulator, 'DELETE', '/tulips');
    expect(await appliedWrites()).toBe(4);

    // Reads, refusals and injected failures change nothing, so they count for nothing.
    await call(emulator, 'GET', '/flowers');
    await call(emulator, 'GET', '');
    expect((await call(emulator, 'PUT', '/flowers', { body: registerBody() })).status).toBe(409);
    const stale = await call(emulator, 'PATCH', '/flowers', {
      body: { customProperties: {} },
      headers: { 'If-Match': flowers.eTag },
    });
    expect(stale.status).toBe(412);
    expect((await call(emulator, 'DELETE', '/missing')).status).toBe(404);
    emulator.faults.set({ failNext: { status: 503, count: 1 } });
    expect((await call(emulator, 'PUT', '/roses', { body: registerBody() })).status).toBe(503);
    emulator.faults.set({ resetNext: 1 });
    await expect(
      fetch(datasetsUrl(emulator, '/roses'), {
        method: 'PUT',
        headers: { [SUBSCRIPTION_KEY_HEADER]: TEST_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify(registerBody()),
      }),
    ).rejects.toThrow();
    expect(await appliedWrites()).toBe(4);
    expect(emulator.faults.appliedWrites).toBe(4);
  });

  it('counts a write whose response was lost after it was carried out', async () => {
    emulator = await startTestEmulator({ faults: true });
    emulator.faults.set({ resetMidResponseNext: 1 });
    const lost = await fetch(datasetsUrl(emulator, '/roses'), {
      method: 'PUT',
      headers: { [SUBSCRIPTION_KEY_HEADER]: TEST_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify(registerBody()),
    });
    await expect(lost.text()).rejects.toThrow();
    expect(await appliedWrites()).toBe(1);
    // Clearing the faults restores settings, not history.
    await fetch(new URL('/_emulator/faults', emulator.url), {
      method: 'DELETE',
      headers: { [SUBSCRIPTION_KEY_HEADER]: TEST_KEY },
    });
    expect(await appliedWrites()).toBe(1);
  });
});
