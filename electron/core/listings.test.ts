import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../shared/contract/redacted-dataset';
import { fail, ok } from '../../shared/ipc/errors';
import { createListingRegistry } from './listings';

const ds = (name: string): RedactedDataset => ({
  name,
  annotationKind: 'imageClassification',
  annotationFileUris: [],
  createdDateTime: '2026-01-01T00:00:00.000Z',
  updatedDateTime: '2026-01-01T00:00:00.000Z',
  eTag: name,
});

/** A run whose pages the test releases one by one. */
function controlledRun() {
  let push: (items: RedactedDataset[]) => void = () => {};
  let settle: (r: ReturnType<typeof ok> | ReturnType<typeof fail>) => void = () => {};
  const run = (p: typeof push) => {
    push = p;
    return new Promise<ReturnType<typeof ok>>((resolve) => (settle = resolve));
  };
  return {
    run,
    page: (...names: string[]) => push(names.map(ds)),
    finish: (r = ok(null)) => settle(r),
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('listing over request/response calls', () => {
  it('answers the first call as soon as the first page is in, then each later page', async () => {
    const registry = createListingRegistry();
    const c = controlledRun();
    const first = registry.start(c.run);
    await tick();
    c.page('a', 'b');
    const chunk1 = await first;
    expect(chunk1).toMatchObject({ ok: true, value: { done: false } });
    if (!chunk1.ok) return;
    expect(chunk1.value.items.map((d) => d.name)).toEqual(['a', 'b']);

    const second = registry.more(chunk1.value.listingId);
    c.page('c');
    c.page('d');
    await tick();
    const chunk2 = await second;
    expect(chunk2.ok && chunk2.value.items.map((d) => d.name)).toEqual(['c', 'd']);

    const third = registry.more(chunk1.value.listingId);
    c.finish();
    expect(await third).toMatchObject({ ok: true, value: { items: [], done: true } });
    expect(registry.size).toBe(0);
  });

  it('reports a failure, and forgets the listing', async () => {
    const registry = createListingRegistry();
    const c = controlledRun();
    const first = registry.start(c.run);
    c.finish(fail({ kind: 'unauthorized', message: 'The service refused the key.' }));
    expect(await first).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(registry.size).toBe(0);
  });

  it('says a finished or unknown listing has ended', async () => {
    const registry = createListingRegistry();
    expect(await registry.more('nope')).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
  });

  it('drops listings nobody asked about for too long', async () => {
    let clock = 0;
    const registry = createListingRegistry(1000, () => clock);
    const c = controlledRun();
    const first = registry.start(c.run);
    c.page('a');
    await first;
    clock = 5000;
    const c2 = controlledRun();
    const again = registry.start(c2.run);
    c2.page('b');
    await again;
    expect(registry.size).toBe(1);
  });
});
