/**
 * A sampled image as the report's `Images` region shows it: where it is in the file, its size,
 * and its annotations as the file has them. Its bytes are asked for by `thumbnailId`, an opaque
 * id main hands out; the image's address (let alone a signed one) never reaches the page.
 */
export interface ImagePreview {
  /** Random, meaningless outside this run of the app: `/thumbnails/<thumbnailId>`. */
  thumbnailId: string;
  /** `images[7]`. */
  location: string;
  fileName: string;
  /** In pixels, when the file gives usable numbers. */
  width?: number;
  height?: number;
  /** The first annotations of the image, in the file's order (at most MAX_PREVIEW_ANNOTATIONS). */
  annotations: PreviewAnnotation[];
  /** All of the image's annotations, also those past the listed ones. */
  annotationsTotal: number;
}

export interface PreviewAnnotation {
  categoryId: number;
  /** [left, top, width, height] as written: relative (0 to 1) when the file is right. */
  bbox?: [number, number, number, number];
}

/** Annotations listed per previewed image: enough to draw, few enough to stay small. */
export const MAX_PREVIEW_ANNOTATIONS = 100;

/** The address a thumbnail is read from: the app's protocol (desktop) or the bridge (browser). */
export const THUMBNAIL_PATH = '/thumbnails/';
export const BRIDGE_THUMBNAIL_PATH = '/api/thumbnails/';
