import { describe, expect, it } from 'vitest';
import type { CheckProgress } from '../../../shared/storage/check-contract';
import type { CheckJob } from './annotation-check';
import { createCheckRegistry } from './check-registry';

/** A job the test moves by hand. */
function handJob(checkId = 'c1') {
  let version = 0;
  let state: CheckProgress['state'] = 'running';
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let cancels = 0;
  const step = (next: CheckProgress['state'] = state) => {
    state = next;
    version += 1;
    const woken = wake;
    changed = new Promise<void>((resolve) => (wake = resolve));
    woken();
    if (next !== 'running') settle();
  };
  const job: CheckJob = {
    checkId,
    get version() {
      return version;
    },
    get finished() {
      return state !== 'running';
    },
    settled,
    snapshot: () => ({ checkId, state, purpose: 'training', files: [], fraction: version / 10 }),
    changedSince: (since) => (since === version ? changed : Promise.resolve()),
    cancel: () => {
      cancels += 1;
      if (state === 'running') step('cancelled');
    },
  };
  return { job, step, cancels: () => cancels };
}

describe('polling a running check', () => {
  it('answers at once with what changed, and with the same state when nothing did', async () => {
    const registry = createCheckRegistry({ pollMs: 20, minIntervalMs: 0 });
    const { job, step } = handJob();
    expect(registry.start(job)).toMatchObject({ ok: true, value: { fraction: 0 } });
    // Nothing changed: the poll still answers (after pollMs), with the same progress.
    expect(await registry.progress('c1')).toMatchObject({ ok: true, value: { fraction: 0 } });
    const waiting = registry.progress('c1');
    step();
    expect(await waiting).toMatchObject({ ok: true, value: { fraction: 0.1, state: 'running' } });
    step('done');
    expect(await registry.progress('c1')).toMatchObject({ ok: true, value: { state: 'done' } });
    // A finished check answers again (the page may ask twice) until it is swept.
    expect(await registry.progress('c1')).toMatchObject({ ok: true, value: { state: 'done' } });
  });

  it('cancels, and tells the page when a check is gone', async () => {
    const registry = createCheckRegistry({ pollMs: 20 });
    const { job, cancels } = handJob();
    registry.start(job);
    expect(registry.cancel('c1')).toMatchObject({ ok: true, value: { state: 'cancelled' } });
    expect(cancels()).toBe(1);
    expect(await registry.progress('nope')).toMatchObject({
      ok: false,
      error: { kind: 'badRequest' },
    });
    expect(registry.cancel('nope')).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
  });

  it('drops a check nobody asked about for a while, cancelling it if it still runs', async () => {
    let clock = 0;
    const registry = createCheckRegistry({ pollMs: 20, idleMs: 1_000, now: () => clock });
    const abandoned = handJob('old');
    registry.start(abandoned.job);
    clock = 5_000;
    registry.start(handJob('new').job);
    expect(registry.size).toBe(1);
    expect(abandoned.cancels()).toBe(1);
    expect(await registry.progress('old')).toMatchObject({ ok: false });
  });
});
