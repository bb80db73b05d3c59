import { describe, expect, it } from 'vitest';
import { keepWhereIWas, recallWhereIWas } from './where-i-was';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('where the window was', () => {
  it('comes back as it was kept', () => {
    const storage = memoryStorage();
    keepWhereIWas(storage, { connectionId: 'c1', datasetName: 'flowers' });
    expect(recallWhereIWas(storage)).toEqual({ connectionId: 'c1', datasetName: 'flowers' });
    keepWhereIWas(storage, { connectionId: 'c2' });
    expect(recallWhereIWas(storage)).toEqual({ connectionId: 'c2' });
  });

  it('is forgotten when cleared, and nothing is recalled from damaged storage', () => {
    const storage = memoryStorage();
    keepWhereIWas(storage, { connectionId: 'c1' });
    keepWhereIWas(storage, undefined);
    expect(recallWhereIWas(storage)).toBeUndefined();
    for (const damaged of ['{', '[]', '{"connectionId":42}', '{"connectionId":""}']) {
      storage.items.set('dataset-manager:where-i-was', damaged);
      expect(recallWhereIWas(storage)).toBeUndefined();
    }
  });

  it('does without storage, or with one that refuses', () => {
    expect(recallWhereIWas(undefined)).toBeUndefined();
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(() => keepWhereIWas(refusing, { connectionId: 'c1' })).not.toThrow();
    expect(recallWhereIWas(refusing)).toBeUndefined();
  });
});
