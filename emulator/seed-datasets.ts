import type { Dataset } from '../shared/contract/dataset';
import type { DatasetStore } from './dataset-store';
import { newETag } from './versioning';

/** A fake but realistic SAS token: the shape of an account SAS, with a signature that signs nothing. */
export const SAMPLE_SAS_TOKEN =
  'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=q3V9tM2bX8Lr0nWcYk4FhZ1pJd6sAeGu7oTi5yRxN%2Bw%3D';

export type SeedDataset = Omit<Dataset, 'eTag'>;

/**
 * Where the seeded datasets' files are when local Blob Storage runs (emulator/storage): the
 * files' URIs by dataset name, and the SAS token that reads them.
 */
export interface SeedStorage {
  annotationFileUris: Readonly<Record<string, readonly string[]>>;
  sasToken: string;
}

/** Datasets a developer sees on a fresh emulator: both kinds, every authentication kind, some properties. */
export const SEED_DATASETS: readonly SeedDataset[] = [
  {
    name: 'flowers-classification',
    annotationKind: 'imageClassification',
    annotationFileUris: [
      'https://contosovisiondata.blob.core.windows.net/flowers/coco/train.json',
      'https://contosovisiondata.blob.core.windows.net/flowers/coco/validation.json',
    ],
    authentication: { kind: 'managedIdentity' },
    customProperties: { team: 'botany', owner: 'ana.silva@contoso.com' },
    createdDateTime: '2024-03-04T09:12:40.512Z',
    updatedDateTime: '2024-05-21T14:03:11.090Z',
  },
  {
    name: 'retail-shelf-products',
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [
      'https://fabrikamretail.blob.core.windows.net/shelf-images/2024-q1/annotations/coco-train.json',
    ],
    authentication: { kind: 'sas', sasToken: SAMPLE_SAS_TOKEN },
    customProperties: { store: 'seattle-042', labeler: 'vendor-b', reviewed: 'true' },
    createdDateTime: '2024-04-11T16:45:02.003Z',
    updatedDateTime: '2024-04-11T16:45:02.003Z',
  },
  {
    name: 'pcb-defect-detection',
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [
      'https://northwindqa.blob.core.windows.net/pcb-inspection/line-3/coco/defects-train.json',
      'https://northwindqa.blob.core.windows.net/pcb-inspection/line-3/coco/defects-holdout.json',
      'https://northwindqa.blob.core.windows.net/pcb-inspection/line-4/coco/defects-train.json',
    ],
    authentication: { kind: 'managedIdentity' },
    createdDateTime: '2024-06-02T07:30:00.000Z',
    updatedDateTime: '2024-07-15T11:22:47.318Z',
  },
  {
    name: 'wildlife-camera-traps',
    annotationKind: 'imageClassification',
    annotationFileUris: [
      'https://woodgroveresearch.blob.core.windows.net/camera-traps/season-2023/labels.json',
    ],
    authentication: { kind: 'none' },
    customProperties: { region: 'cascades', license: 'CC-BY-4.0' },
    createdDateTime: '2024-08-19T21:05:33.871Z',
    updatedDateTime: '2024-08-19T21:05:33.871Z',
  },
  {
    name: 'invoice-logos',
    annotationKind: 'imageObjectDetection',
    annotationFileUris: [
      'https://contosofinance.blob.core.windows.net/documents/logos/coco/annotations.json',
    ],
    createdDateTime: '2024-09-30T13:14:15.161Z',
    updatedDateTime: '2024-10-02T08:00:12.400Z',
  },
  {
    name: 'xray-hand-fractures',
    annotationKind: 'imageClassification',
    annotationFileUris: [
      'https://adatummedical.blob.core.windows.net/radiology/hand/coco/train.json',
      'https://adatummedical.blob.core.windows.net/radiology/hand/coco/test.json',
    ],
    authentication: { kind: 'managedIdentity' },
    customProperties: { phi: 'removed', reviewer: 'dr-okafor' },
    createdDateTime: '2024-11-08T10:41:09.225Z',
    updatedDateTime: '2025-01-13T15:27:54.602Z',
  },
];

export const SEED_DATASET_NAMES: readonly string[] = SEED_DATASETS.map((d) => d.name);

/**
 * The blob names a seeded dataset's files get in the sample container: the dataset's name, then
 * each made-up URI's path inside its container (`flowers-classification/coco/train.json`), so
 * the files keep their number, folders and names.
 */
export function sampleBlobNames(dataset: SeedDataset): string[] {
  return dataset.annotationFileUris.map((uri) => {
    const [, ...inContainer] = new URL(uri).pathname.split('/').filter(Boolean);
    return [dataset.name, ...inContainer].join('/');
  });
}

/** A seed pointed at its files in local storage; as it is when there are none for it. */
function withStorage(seed: SeedDataset, storage: SeedStorage | undefined): SeedDataset {
  const uris = storage?.annotationFileUris[seed.name];
  if (!storage || !uris) return seed;
  return {
    ...seed,
    annotationFileUris: [...uris],
    authentication: { kind: 'sas', sasToken: storage.sasToken },
  };
}

/**
 * Adds the sample datasets whose names are free, so seeding never clobbers saved data. With
 * `storage`, they point at the sample files in local Blob Storage, read with its SAS token.
 */
export function seedStore(store: DatasetStore, storage?: SeedStorage): number {
  let added = 0;
  for (const seed of SEED_DATASETS) {
    const dataset: Dataset = structuredClone({ ...withStorage(seed, storage), eTag: newETag() });
    if (store.addIfAbsent(dataset)) added += 1;
  }
  return added;
}
