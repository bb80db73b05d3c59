import { createImageSampler } from '../../../shared/coco/image-sample';
import type { ImageSampler } from '../../../shared/coco/image-sample';
import type { CocoAnnotationRef, CocoImageRef } from '../../../shared/coco/report';
import { MAX_PREVIEW_ANNOTATIONS } from '../../../shared/storage/image-preview';
import type { PreviewAnnotation } from '../../../shared/storage/image-preview';

/**
 * The annotations of the images a check shows, gathered while the file streams by: only those
 * of the sampled images are kept, at most MAX_PREVIEW_ANNOTATIONS each (the rest counted).
 */

export interface ImageAnnotations {
  annotations: PreviewAnnotation[];
  total: number;
}

/** Keeps the annotations of the images with the given ids. */
export function createAnnotationGatherer(ids: ReadonlySet<number>) {
  const byImage = new Map<number, ImageAnnotations>();
  return {
    add(annotation: CocoAnnotationRef) {
      if (!ids.has(annotation.imageId)) return;
      let kept = byImage.get(annotation.imageId);
      if (!kept) byImage.set(annotation.imageId, (kept = { annotations: [], total: 0 }));
      kept.total += 1;
      if (kept.annotations.length < MAX_PREVIEW_ANNOTATIONS) {
        kept.annotations.push({
          categoryId: annotation.categoryId,
          ...(annotation.bbox && { bbox: annotation.bbox }),
        });
      }
    },
    of(imageId: number | undefined): ImageAnnotations {
      return (imageId !== undefined && byImage.get(imageId)) || { annotations: [], total: 0 };
    },
  };
}

export type AnnotationGatherer = ReturnType<typeof createAnnotationGatherer>;

export interface PreviewSample {
  images: CocoImageRef[];
  /**
   * Whose annotations were gathered in the same read; undefined when images came after the
   * first annotation, so the sample changed after gathering began: the file is read again.
   */
  gathered: AnnotationGatherer | undefined;
}

/**
 * Samples the images to show (the reachability sampler when given, so the thumbnails are the
 * very images read) and gathers their annotations in the same pass. A file lists its images
 * before its annotations as a rule: the sample is then final when the first annotation comes.
 */
export function createPreviewCollector(sampler: ImageSampler = createImageSampler()) {
  let gatherer: AnnotationGatherer | undefined;
  let imageAfterAnnotations = false;
  return {
    image(ref: CocoImageRef) {
      if (gatherer) imageAfterAnnotations = true;
      sampler.add(ref);
    },
    annotation(annotation: CocoAnnotationRef) {
      gatherer ??= createAnnotationGatherer(sampledIds(sampler.result()));
      gatherer.add(annotation);
    },
    result(): PreviewSample {
      const images = sampler.result();
      if (imageAfterAnnotations) return { images, gathered: undefined };
      return { images, gathered: gatherer ?? createAnnotationGatherer(new Set()) };
    },
  };
}

export function sampledIds(images: readonly CocoImageRef[]): Set<number> {
  return new Set(images.flatMap((image) => (image.imageId === undefined ? [] : [image.imageId])));
}
