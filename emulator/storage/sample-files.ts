import type { AnnotationKind } from '../../shared/contract/dataset';
import { SEED_DATASETS, sampleBlobNames } from '../seed-datasets';
import { encodePng } from './png';
import type { Rgb } from './png';

/** One blob of the sample container: its name in the container and its content. */
export interface SampleBlob {
  name: string;
  contentType: string;
  body: Buffer;
}

/** Wide and tall enough for both training (10 px) and evaluation (50 px) by Azure's rules. */
export const SAMPLE_IMAGE_WIDTH = 80;
export const SAMPLE_IMAGE_HEIGHT = 60;

interface SampleImage {
  name: string;
  background: Rgb;
  /** A rectangle in a second colour, in pixels: what the detection samples mark with a box. */
  shape: { colour: Rgb; left: number; top: number; width: number; height: number };
}

const SAMPLE_IMAGES: readonly SampleImage[] = [
  {
    name: 'red-on-white',
    background: [255, 255, 255],
    shape: { colour: [220, 30, 40], left: 8, top: 6, width: 32, height: 24 },
  },
  {
    name: 'blue-on-grey',
    background: [200, 200, 200],
    shape: { colour: [30, 60, 200], left: 40, top: 20, width: 32, height: 30 },
  },
  {
    name: 'green-on-black',
    background: [0, 0, 0],
    shape: { colour: [40, 180, 60], left: 20, top: 10, width: 40, height: 40 },
  },
  {
    name: 'orange-on-navy',
    background: [10, 20, 80],
    shape: { colour: [250, 150, 20], left: 4, top: 30, width: 24, height: 24 },
  },
  {
    name: 'purple-on-beige',
    background: [240, 230, 200],
    shape: { colour: [130, 40, 160], left: 50, top: 4, width: 24, height: 20 },
  },
  {
    name: 'teal-on-white',
    background: [255, 255, 255],
    shape: { colour: [0, 140, 140], left: 10, top: 10, width: 60, height: 40 },
  },
];

export const IMAGES_FOLDER = 'images';
/** Deliberately wrong files, so a user can see what the annotation checks find. */
export const BROKEN_FOLDER = 'broken';
export const BROKEN_FILE = `${BROKEN_FOLDER}/pixel-boxes-zero-based-ids.json`;

const imageBlobName = (image: SampleImage) => `${IMAGES_FOLDER}/${image.name}.png`;

function imagePng(image: SampleImage): Buffer {
  const { shape } = image;
  return encodePng(SAMPLE_IMAGE_WIDTH, SAMPLE_IMAGE_HEIGHT, (x, y) =>
    x >= shape.left &&
    x < shape.left + shape.width &&
    y >= shape.top &&
    y < shape.top + shape.height
      ? shape.colour
      : image.background,
  );
}

/** Labels that mean something for each seeded dataset (classification uses them as labels). */
const CATEGORY_NAMES: Readonly<Record<string, readonly string[]>> = {
  'flowers-classification': ['daisy', 'rose'],
  'retail-shelf-products': ['cereal-box', 'bottle'],
  'pcb-defect-detection': ['solder-bridge', 'missing-component'],
  'wildlife-camera-traps': ['deer', 'fox'],
  'invoice-logos': ['logo'],
  'xray-hand-fractures': ['fracture', 'no-fracture'],
};

const DEFAULT_CATEGORIES: Record<AnnotationKind, readonly string[]> = {
  imageClassification: ['cat', 'dog'],
  imageObjectDetection: ['object'],
};

interface CocoFile {
  info: { description: string };
  images: { id: number; width: number; height: number; file_name: string; coco_url: string }[];
  annotations: {
    id: number;
    image_id: number;
    category_id: number;
    bbox?: [number, number, number, number];
  }[];
  categories: { id: number; name: string }[];
}

/**
 * A COCO file Azure's checks accept for `kind`, training or evaluation: ids 1..N, one label per
 * image, every category used at least twice, boxes relative to the image (0 to 1).
 */
export function sampleCocoFile(
  kind: AnnotationKind,
  categoryNames: readonly string[],
  containerUrl: string,
  description: string,
): CocoFile {
  if (kind === 'imageClassification' && categoryNames.length < 2) {
    throw new RangeError('A classification sample needs at least two categories.');
  }
  const images = SAMPLE_IMAGES.map((image, index) => ({
    id: index + 1,
    width: SAMPLE_IMAGE_WIDTH,
    height: SAMPLE_IMAGE_HEIGHT,
    file_name: imageBlobName(image),
    // The image's address without a token: the service adds the dataset's SAS, as to the file.
    coco_url: `${containerUrl}/${imageBlobName(image)}`,
  }));
  const annotations = SAMPLE_IMAGES.map((image, index) => ({
    id: index + 1,
    image_id: index + 1,
    category_id: (index % categoryNames.length) + 1,
    ...(kind === 'imageObjectDetection'
      ? {
          bbox: [
            image.shape.left / SAMPLE_IMAGE_WIDTH,
            image.shape.top / SAMPLE_IMAGE_HEIGHT,
            image.shape.width / SAMPLE_IMAGE_WIDTH,
            image.shape.height / SAMPLE_IMAGE_HEIGHT,
          ] as [number, number, number, number],
        }
      : {}),
  }));
  const categories = categoryNames.map((name, index) => ({ id: index + 1, name }));
  return { info: { description }, images, annotations, categories };
}

/**
 * The mistakes most COCO exports from other tools make: boxes in pixels and ids from 0. Not
 * used by any seeded dataset; it is there to be checked.
 */
export function brokenCocoFile(containerUrl: string): CocoFile {
  const valid = sampleCocoFile('imageObjectDetection', ['object'], containerUrl, '');
  return {
    info: {
      description:
        'Deliberately broken sample: boxes in pixels instead of 0 to 1, and ids that start at 0.',
    },
    images: valid.images.map((image) => ({ ...image, id: image.id - 1 })),
    annotations: SAMPLE_IMAGES.map((image, index) => ({
      id: index,
      image_id: index,
      category_id: 0,
      bbox: [image.shape.left, image.shape.top, image.shape.width, image.shape.height],
    })),
    categories: [{ id: 0, name: 'object' }],
  };
}

const json = (name: string, content: unknown): SampleBlob => ({
  name,
  contentType: 'application/json',
  body: Buffer.from(`${JSON.stringify(content, null, 2)}\n`),
});

/**
 * Every blob of the sample container whose address is `containerUrl`: the images, one valid
 * COCO file for each file a seeded dataset lists (its kind, its labels), and the broken file.
 */
export function sampleBlobs(containerUrl: string): SampleBlob[] {
  const images = SAMPLE_IMAGES.map((image) => ({
    name: imageBlobName(image),
    contentType: 'image/png',
    body: imagePng(image),
  }));
  const files = SEED_DATASETS.flatMap((dataset) =>
    sampleBlobNames(dataset).map((name) =>
      json(
        name,
        sampleCocoFile(
          dataset.annotationKind,
          CATEGORY_NAMES[dataset.name] ?? DEFAULT_CATEGORIES[dataset.annotationKind],
          containerUrl,
          `Sample for the dataset ${dataset.name}`,
        ),
      ),
    ),
  );
  return [...images, ...files, json(BROKEN_FILE, brokenCocoFile(containerUrl))];
}
