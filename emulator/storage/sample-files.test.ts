import { describe, expect, it } from 'vitest';
import { SEED_DATASETS, sampleBlobNames } from '../seed-datasets';
import { PNG_SIGNATURE } from './png';
import { BROKEN_FILE, SAMPLE_IMAGE_HEIGHT, SAMPLE_IMAGE_WIDTH, sampleBlobs } from './sample-files';

const CONTAINER = 'http://127.0.0.1:10000/devstoreaccount1/samples';

interface Coco {
  images: { id: number; width: number; height: number; file_name: string; coco_url: string }[];
  annotations: { id: number; image_id: number; category_id: number; bbox?: number[] }[];
  categories: { id: number; name: string }[];
}

const blobs = sampleBlobs(CONTAINER);
const byName = new Map(blobs.map((blob) => [blob.name, blob]));
const cocoAt = (name: string) => JSON.parse(byName.get(name)!.body.toString('utf8')) as Coco;
const ids = (items: { id: number }[]) => items.map((item) => item.id);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the sample container', () => {
  it('has one COCO file for each file every seeded dataset lists', () => {
    for (const dataset of SEED_DATASETS) {
      for (const name of sampleBlobNames(dataset)) {
        expect(byName.get(name)?.contentType, name).toBe('application/json');
        expect(name.startsWith(`${dataset.name}/`)).toBe(true);
      }
    }
  });

  it.each(SEED_DATASETS.map((d) => [d.name, d] as const))(
    'gives %s files Azure checks accept for its kind: ids 1..N, images it holds, relative boxes',
    (_, dataset) => {
      for (const name of sampleBlobNames(dataset)) {
        const coco = cocoAt(name);
        expect(ids(coco.images)).toEqual(oneToN(coco.images.length));
        expect(ids(coco.annotations)).toEqual(oneToN(coco.annotations.length));
        expect(ids(coco.categories)).toEqual(oneToN(coco.categories.length));
        for (const image of coco.images) {
          expect(image.coco_url).toBe(`${CONTAINER}/${image.file_name}`);
          const png = byName.get(image.file_name);
          expect(png?.contentType).toBe('image/png');
          expect(png?.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
          expect(png?.body.readUInt32BE(16)).toBe(image.width);
          expect(png?.body.readUInt32BE(20)).toBe(image.height);
          // Evaluation needs 50 px or more each way, training 10.
          expect(Math.min(image.width, image.height)).toBeGreaterThanOrEqual(50);
        }
        for (const annotation of coco.annotations) {
          expect(ids(coco.images)).toContain(annotation.image_id);
          expect(ids(coco.categories)).toContain(annotation.category_id);
        }
        const uses = coco.categories.map(
          (category) => coco.annotations.filter((a) => a.category_id === category.id).length,
        );
        if (dataset.annotationKind === 'imageClassification') {
          expect(coco.categories.length).toBeGreaterThanOrEqual(2);
          for (const used of uses) expect(used).toBeGreaterThanOrEqual(2);
          // Exactly one label per image.
          expect(new Set(coco.annotations.map((a) => a.image_id)).size).toBe(coco.images.length);
          for (const annotation of coco.annotations) expect(annotation.bbox).toBeUndefined();
        } else {
          for (const used of uses) expect(used).toBeGreaterThanOrEqual(1);
          for (const { bbox } of coco.annotations) {
            const [left, top, width, height] = bbox!;
            expect(left).toBeGreaterThanOrEqual(0);
            expect(top).toBeGreaterThanOrEqual(0);
            expect(width).toBeGreaterThan(0);
            expect(height).toBeGreaterThan(0);
            expect(left! + width!).toBeLessThanOrEqual(1);
            expect(top! + height!).toBeLessThanOrEqual(1);
          }
        }
      }
    },
  );

  it('boxes the shape drawn in each image', () => {
    const detection = SEED_DATASETS.find((d) => d.annotationKind === 'imageObjectDetection')!;
    const coco = cocoAt(sampleBlobNames(detection)[0]!);
    const boxes = coco.annotations.map((a) => a.bbox!);
    // Distinct boxes, in pixels on the 80x60 images at whole numbers: drawn shapes, not filler.
    expect(new Set(boxes.map((b) => b.join())).size).toBe(boxes.length);
    for (const [left, top, width, height] of boxes) {
      for (const pixels of [left! * SAMPLE_IMAGE_WIDTH, width! * SAMPLE_IMAGE_WIDTH]) {
        expect(pixels).toBeCloseTo(Math.round(pixels), 9);
      }
      for (const pixels of [top! * SAMPLE_IMAGE_HEIGHT, height! * SAMPLE_IMAGE_HEIGHT]) {
        expect(pixels).toBeCloseTo(Math.round(pixels), 9);
      }
    }
  });

  it('keeps a broken file apart, with pixel boxes and ids from 0', () => {
    expect(BROKEN_FILE.startsWith('broken/')).toBe(true);
    const coco = cocoAt(BROKEN_FILE);
    expect(ids(coco.images)[0]).toBe(0);
    expect(ids(coco.categories)).toEqual([0]);
    expect(coco.annotations.some((a) => a.bbox!.some((n) => n > 1))).toBe(true);
    const seeded = SEED_DATASETS.flatMap(sampleBlobNames);
    expect(seeded).not.toContain(BROKEN_FILE);
  });
});
