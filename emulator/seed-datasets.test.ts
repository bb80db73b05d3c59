import { describe, expect, it } from 'vitest';
import { DatasetStore } from './dataset-store';
import { SAMPLE_SAS_TOKEN, SEED_DATASETS, sampleBlobNames, seedStore } from './seed-datasets';

const CONTAINER = 'http://127.0.0.1:10000/devstoreaccount1/samples';

describe('seeding the sample datasets', () => {
  it('without local storage, adds them exactly as listed', () => {
    const store = new DatasetStore([]);
    expect(seedStore(store)).toBe(SEED_DATASETS.length);
    for (const seed of SEED_DATASETS) {
      expect(store.get(seed.name)).toEqual({ ...seed, eTag: expect.any(String) });
    }
    expect(store.get('retail-shelf-products')?.authentication?.sasToken).toBe(SAMPLE_SAS_TOKEN);
  });

  it('with local storage, points each at its sample files with the SAS, keeping the rest', () => {
    const annotationFileUris = Object.fromEntries(
      SEED_DATASETS.map((d) => [d.name, sampleBlobNames(d).map((n) => `${CONTAINER}/${n}`)]),
    );
    const store = new DatasetStore([]);
    seedStore(store, { annotationFileUris, sasToken: 'sv=x&sp=rl&sig=y' });
    for (const seed of SEED_DATASETS) {
      const { annotationFileUris: uris, authentication, ...rest } = store.get(seed.name)!;
      expect(uris).toEqual(annotationFileUris[seed.name]);
      expect(uris).toHaveLength(seed.annotationFileUris.length);
      expect(authentication).toEqual({ kind: 'sas', sasToken: 'sv=x&sp=rl&sig=y' });
      const { annotationFileUris: _, authentication: __, ...seedRest } = seed;
      expect(rest).toEqual({ ...seedRest, eTag: expect.any(String) });
    }
  });

  it('never replaces a dataset already there', () => {
    const store = new DatasetStore([]);
    seedStore(store);
    const before = store.get(SEED_DATASETS[0]!.name);
    expect(seedStore(store, { annotationFileUris: {}, sasToken: 'sv=x&sig=y' })).toBe(0);
    expect(store.get(SEED_DATASETS[0]!.name)).toEqual(before);
  });
});
