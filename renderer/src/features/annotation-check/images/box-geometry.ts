import type { PreviewAnnotation } from '../../../../../shared/storage/image-preview';

/**
 * Where a box goes over its image, as fractions of the image (0 to 1): as the file has it when
 * relative, divided by the image's size when it is clearly in pixels (a value above 1).
 */
export interface PlacedBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function placeBox(
  bbox: PreviewAnnotation['bbox'],
  size: { width: number; height: number } | undefined,
): PlacedBox | undefined {
  if (!bbox) return undefined;
  let [left, top, width, height] = bbox;
  if (bbox.some((n) => n > 1)) {
    if (!size || size.width <= 0 || size.height <= 0) return undefined;
    left /= size.width;
    width /= size.width;
    top /= size.height;
    height /= size.height;
  }
  // What lies outside the image is cut off, as the service would see it.
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  const x = clamp(left);
  const y = clamp(top);
  const placed = {
    left: x,
    top: y,
    width: clamp(left + width) - x,
    height: clamp(top + height) - y,
  };
  return placed.width > 0 && placed.height > 0 ? placed : undefined;
}

/** The images that have an annotation of `categoryId`; all of them for undefined. */
export function withCategory<T extends { annotations: PreviewAnnotation[] }>(
  previews: readonly T[],
  categoryId: number | undefined,
): T[] {
  if (categoryId === undefined) return [...previews];
  return previews.filter((p) => p.annotations.some((a) => a.categoryId === categoryId));
}
