import type { DatasetFields } from '../shared/contract/dataset';

/** How many datasets the listing and first-rows figures load. */
export const BENCH_DATASET_COUNT = 10_000;

export const benchDatasetName = (i: number) => `bench-${String(i).padStart(5, '0')}`;

const FAKE_SAS_TOKEN =
  'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&sig=benchbenchbench%3D';

/** A dataset the size of real ones: both kinds, every authentication kind, a few properties. */
export function benchFields(i: number): DatasetFields {
  const files = 1 + (i % 3);
  const authentication: DatasetFields['authentication'] =
    i % 3 === 0
      ? { kind: 'managedIdentity' }
      : i % 3 === 1
        ? { kind: 'sas', sasToken: FAKE_SAS_TOKEN }
        : { kind: 'none' };
  return {
    annotationKind: i % 2 === 0 ? 'imageClassification' : 'imageObjectDetection',
    annotationFileUris: Array.from(
      { length: files },
      (_, f) => `https://benchstorage.blob.core.windows.net/set-${i}/coco/part-${f}.json`,
    ),
    authentication,
    customProperties: { team: `team-${i % 17}`, index: String(i) },
  };
}
