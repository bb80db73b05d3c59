import type { ImagePreview } from '../../../../../shared/storage/image-preview';
import { placeBox } from './box-geometry';
import { useImagesStyles } from './images-styles';
import { useState } from 'react';

export interface AnnotatedImageProps {
  url: string;
  preview: ImagePreview;
  /** Category names by id. */
  names: ReadonlyMap<number, string>;
  detection: boolean;
  /** The tallest the image is shown, as CSS: `126px`, `60vh`. */
  maxHeight: string;
  onLoad?: () => void;
}

export function categoryName(names: ReadonlyMap<number, string>, id: number): string {
  return names.get(id) || `category ${id}`;
}

/**
 * The image with its boxes drawn over it (object detection), each with its category's name.
 * The frame takes the image's own proportions, so a box at 10% of the frame is at 10% of the
 * image; boxes in pixels are scaled by the image's size (the file's, else the real one).
 */
export function AnnotatedImage({
  url,
  preview,
  names,
  detection,
  maxHeight,
  onLoad,
}: AnnotatedImageProps) {
  const styles = useImagesStyles();
  const [natural, setNatural] = useState<{ width: number; height: number } | undefined>();
  const fileSize =
    preview.width !== undefined && preview.height !== undefined
      ? { width: preview.width, height: preview.height }
      : undefined;
  const size = fileSize ?? natural;
  const ratio = size ? size.width / size.height : natural ? natural.width / natural.height : 4 / 3;
  const boxes = detection
    ? preview.annotations.flatMap((annotation, index) => {
        const box = placeBox(annotation.bbox, size ?? natural);
        return box ? [{ ...box, index, name: categoryName(names, annotation.categoryId) }] : [];
      })
    : [];
  return (
    <div
      className={styles.frame}
      style={{ width: `min(100%, calc(${maxHeight} * ${ratio}))`, aspectRatio: `${ratio}` }}
    >
      <img
        className={styles.image}
        src={url}
        alt={preview.fileName}
        loading="lazy"
        decoding="async"
        onLoad={(event) => {
          const image = event.currentTarget;
          // Only needed (and a render spent) when the file does not give the size.
          if (!fileSize) setNatural({ width: image.naturalWidth, height: image.naturalHeight });
          onLoad?.();
        }}
      />
      {boxes.length > 0 ? (
        <>
          <svg
            className={styles.overlay}
            viewBox="0 0 1 1"
            preserveAspectRatio="none"
            aria-hidden="true"
            data-testid="boxes"
          >
            {boxes.map((box) => (
              <rect
                key={box.index}
                className={styles.box}
                x={box.left}
                y={box.top}
                width={box.width}
                height={box.height}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          {boxes.map((box) => (
            <span
              key={box.index}
              className={styles.boxLabel}
              style={{ left: `${box.left * 100}%`, top: `${box.top * 100}%` }}
            >
              {box.name}
            </span>
          ))}
        </>
      ) : null}
    </div>
  );
}
