import { describe, expect, it } from 'vitest';
import { createCocoChecker } from '../../../shared/coco/checker';
import { cocoText, makeCocoFile } from '../../../shared/coco/fixtures';
import { createImageSampler } from '../../../shared/coco/image-sample';
import { MAX_PREVIEW_ANNOTATIONS } from '../../../shared/storage/image-preview';
import { createPreviewCollector } from './image-previews';

/** Streams `text` through the checker into a preview collector; 8 images sampled. */
function collect(text: string) {
  const previews = createPreviewCollector(createImageSampler(8, () => 0.5));
  const checker = createCocoChecker({
    kind: 'imageObjectDetection',
    purpose: 'training',
    onImage: previews.image,
    onAnnotation: previews.annotation,
  });
  checker.write(text);
  checker.end();
  return previews.result();
}

describe('the images a check shows, with their annotations', () => {
  it('gathers the annotations of the sampled images as the file goes by, no others', () => {
    const sample = collect(cocoText({ kind: 'imageObjectDetection', images: 40, categories: 3 }));
    expect(sample.images).toHaveLength(10);
    expect(sample.gathered).toBeDefined();
    const first = sample.images[0]!;
    expect(first).toMatchObject({ index: 0, imageId: 1, width: 672, height: 512 });
    expect(sample.gathered!.of(first.imageId)).toEqual({
      total: 2,
      annotations: [
        { categoryId: 1, bbox: [0.05, 0.05, 0.3, 0.25] },
        { categoryId: 2, bbox: [0.15, 0.05, 0.3, 0.25] },
      ],
    });
    const sampled = new Set(sample.images.map((image) => image.imageId));
    const notSampled = [...Array(40).keys()].map((i) => i + 1).find((id) => !sampled.has(id));
    expect(sample.gathered!.of(notSampled)).toEqual({ annotations: [], total: 0 });
  });

  it('keeps at most 100 annotations of an image and counts the rest', () => {
    const sample = collect(
      cocoText({
        kind: 'imageObjectDetection',
        images: 2,
        categories: 1,
        annotationsPerImage: 130,
      }),
    );
    const kept = sample.gathered!.of(sample.images[1]!.imageId);
    expect(kept.total).toBe(130);
    expect(kept.annotations).toHaveLength(MAX_PREVIEW_ANNOTATIONS);
  });

  it('asks for a second read when the annotations come before the images', () => {
    const sample = collect(
      cocoText({ kind: 'imageObjectDetection', images: 5, categories: 1, annotationsFirst: true }),
    );
    expect(sample.images).toHaveLength(5);
    expect(sample.gathered).toBeUndefined();
  });

  it('leaves out a box that is not 4 numbers but keeps its category', () => {
    const file = makeCocoFile({ kind: 'imageObjectDetection', images: 1, categories: 1 });
    file.annotations[0]!.bbox = ['a', 1] as unknown as [number, number, number, number];
    const sample = collect(JSON.stringify(file));
    expect(sample.gathered!.of(1).annotations[0]).toEqual({ categoryId: 1 });
  });
});
