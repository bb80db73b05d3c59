import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetStore } from './dataset-store';
import { IF_MATCH_ANY, parseIfMatch } from './if-match';

const fields = {
  annotationKind: 'imageClassification' as const,
  annotationFileUris: ['https://a.blob.core.windows.net/c/train.json'],
};

describe('the dataset store', () => {
  it('lists any mix of registers and unregisters in ordinal name order, page by page', () => {
    const name = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,6}$/);
    const operation = fc.record({ remove: fc.boolean(), name });
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 80 }),
        fc.integer({ min: 1, max: 30 }),
        (ops, top) => {
          const store = new DatasetStore();
          const expected = new Set<string>();
          for (const op of ops) {
            if (op.remove) {
              store.unregister(op.name, IF_MATCH_ANY);
              expected.delete(op.name);
            } else {
              store.register(op.name, fields);
              expected.add(op.name);
            }
          }
          const listed: string[] = [];
          for (let skip = 0; ; skip += top) {
            const page = store.page(skip, top);
            listed.push(...page.datasets.map((d) => d.name));
            if (!page.hasMore) break;
          }
          expect(listed).toEqual([...expected].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        },
      ),
    );
  });

  it('moves updatedDateTime forward on every update even when the clock stands still or goes back', () => {
    let now = Date.parse('2025-01-01T00:00:00.000Z');
    const store = new DatasetStore([], () => now);
    const created = store.register('frozen', fields);
    expect(created.ok).toBe(true);
    const times: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const outcome = store.update('frozen', {}, IF_MATCH_ANY);
      if (!outcome.ok) throw new Error(outcome.reason);
      times.push(outcome.dataset.updatedDateTime);
      now -= 1000;
    }
    expect(times).toEqual([
      '2025-01-01T00:00:00.001Z',
      '2025-01-01T00:00:00.002Z',
      '2025-01-01T00:00:00.003Z',
    ]);
  });

  it('reads If-Match lists, quotes and "*", and never matches a weak tag', () => {
    expect(parseIfMatch(undefined)).toEqual(IF_MATCH_ANY);
    expect(parseIfMatch('"a", *')).toEqual(IF_MATCH_ANY);
    expect(parseIfMatch('"abc", def')).toEqual({ kind: 'eTags', eTags: ['abc', 'def'] });
    const store = new DatasetStore();
    const created = store.register('x', fields);
    if (!created.ok) throw new Error('not registered');
    const eTag = created.dataset.eTag;
    expect(store.update('x', {}, parseIfMatch(`W/"${eTag}"`))).toEqual({
      ok: false,
      reason: 'precondition-failed',
    });
    expect(store.update('x', {}, parseIfMatch(`"other", "${eTag}"`)).ok).toBe(true);
  });
});
