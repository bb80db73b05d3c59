import type { AnnotationKind } from '../contract/dataset';

/**
 * Valid COCO annotation files of any size, for tests, the emulator's samples and benchmarks:
 * the same deterministic content as an object, as text, or as a stream of text chunks that
 * never holds the whole file (a million images is about 200 MB of JSON).
 */

export interface CocoImage {
  id: number;
  width: number;
  height: number;
  file_name: string;
  coco_url: string;
}

export interface CocoAnnotation {
  id: number;
  image_id: number;
  category_id: number;
  area: number;
  /** Object detection only: [left, top, width, height], relative to the image. */
  bbox?: [number, number, number, number];
}

export interface CocoCategory {
  id: number;
  name: string;
}

export interface CocoFile {
  images: CocoImage[];
  annotations: CocoAnnotation[];
  categories: CocoCategory[];
}

export interface CocoFixtureOptions {
  kind: AnnotationKind;
  images: number;
  categories: number;
  /** Where the images live: each coco_url is `${baseUrl}/${file_name}`. */
  baseUrl?: string;
  /** 1 for classification (one label per image), 2 for detection by default. */
  annotationsPerImage?: number;
  /** Annotations before images: readers must not depend on the order of the lists. */
  annotationsFirst?: boolean;
}

export const DEFAULT_IMAGE_BASE_URL = 'https://devaccount.blob.core.windows.net/images';

const LABELS = [
  'cat',
  'dog',
  'bird',
  'horse',
  'sheep',
  'cow',
  'car',
  'bicycle',
  'bus',
  'truck',
  'boat',
  'person',
  'tree',
  'chair',
  'bottle',
  'cup',
  'apple',
  'banana',
  'scratch',
  'dent',
  'crack',
  'rust',
  'stain',
  'screw',
];

function perImage(options: CocoFixtureOptions): number {
  return options.annotationsPerImage ?? (options.kind === 'imageObjectDetection' ? 2 : 1);
}

/** Image `id` (1-based); sizes vary a little and stay within every purpose's limits. */
export function fixtureImage(id: number, options: CocoFixtureOptions): CocoImage {
  const fileName = `images/${String(id).padStart(6, '0')}.jpg`;
  return {
    id,
    width: 640 + 32 * (id % 5),
    height: 480 + 32 * (id % 3),
    file_name: fileName,
    coco_url: `${options.baseUrl ?? DEFAULT_IMAGE_BASE_URL}/${fileName}`,
  };
}

/** The annotations of image `imageId`; categories go round in turn, so each one is used. */
export function fixtureAnnotations(imageId: number, options: CocoFixtureOptions): CocoAnnotation[] {
  const count = perImage(options);
  const image = fixtureImage(imageId, options);
  const annotations: CocoAnnotation[] = [];
  for (let j = 0; j < count; j++) {
    const id = (imageId - 1) * count + j + 1;
    const categoryId = ((id - 1) % options.categories) + 1;
    if (options.kind === 'imageObjectDetection') {
      const left = (1 + 2 * (j % 5)) / 20;
      const top = (1 + 2 * (Math.floor(j / 5) % 5)) / 20;
      annotations.push({
        id,
        image_id: imageId,
        category_id: categoryId,
        area: Math.round(0.3 * image.width * 0.25 * image.height),
        bbox: [left, top, 0.3, 0.25],
      });
    } else {
      annotations.push({
        id,
        image_id: imageId,
        category_id: categoryId,
        area: image.width * image.height,
      });
    }
  }
  return annotations;
}

/** Category `id` (1-based): a real word, numbered past the word list so names stay unique. */
export function fixtureCategory(id: number): CocoCategory {
  const word = LABELS[(id - 1) % LABELS.length] ?? 'label';
  const round = Math.ceil(id / LABELS.length);
  return { id, name: round > 1 ? `${word} ${round}` : word };
}

/**
 * A file the service accepts for its kind, with no warnings when each category gets enough
 * annotations: images * annotationsPerImage >= 2 * categories (classification needs 2 each).
 */
export function makeCocoFile(options: CocoFixtureOptions): CocoFile {
  const images: CocoImage[] = [];
  const annotations: CocoAnnotation[] = [];
  for (let id = 1; id <= options.images; id++) {
    images.push(fixtureImage(id, options));
    annotations.push(...fixtureAnnotations(id, options));
  }
  const categories = Array.from({ length: options.categories }, (_, i) => fixtureCategory(i + 1));
  return options.annotationsFirst
    ? ({ annotations, images, categories } as CocoFile)
    : { images, annotations, categories };
}

export function cocoText(options: CocoFixtureOptions): string {
  return JSON.stringify(makeCocoFile(options));
}

/**
 * The text of cocoText(options) in pieces of about `entriesPerChunk` entries, made as they are
 * read: a million images never exist at once.
 */
export function* cocoChunks(
  options: CocoFixtureOptions,
  entriesPerChunk = 1_000,
): Generator<string, void, undefined> {
  function* list(
    name: string,
    count: number,
    entries: (n: number) => object[],
    first: boolean,
  ): Generator<string> {
    yield `${first ? '{' : ','}"${name}":[`;
    let batch: string[] = [];
    let started = false;
    for (let n = 1; n <= count; n++) {
      for (const entry of entries(n)) batch.push(JSON.stringify(entry));
      if (batch.length >= entriesPerChunk) {
        yield (started ? ',' : '') + batch.join(',');
        started = true;
        batch = [];
      }
    }
    if (batch.length > 0) yield (started ? ',' : '') + batch.join(',');
    yield ']';
  }
  const images = (first: boolean) =>
    list('images', options.images, (id) => [fixtureImage(id, options)], first);
  const annotations = (first: boolean) =>
    list('annotations', options.images, (id) => fixtureAnnotations(id, options), first);
  if (options.annotationsFirst) {
    yield* annotations(true);
    yield* images(false);
  } else {
    yield* images(true);
    yield* annotations(false);
  }
  yield* list('categories', options.categories, (id) => [fixtureCategory(id)], false);
  yield '}';
}
