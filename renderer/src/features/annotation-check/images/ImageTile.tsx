import { ErrorCircleRegular } from '@fluentui/react-icons';
import { memo, useRef } from 'react';
import type { ImagePreview } from '../../../../../shared/storage/image-preview';
import { AnnotatedImage, categoryName } from './AnnotatedImage';
import { markThumbnailLoaded } from './image-marks';
import { TILE_HEIGHT, useImagesStyles } from './images-styles';
import { useNearViewport, useThumbnail } from './use-thumbnail';

export interface ImageTileProps {
  preview: ImagePreview;
  names: ReadonlyMap<number, string>;
  detection: boolean;
  onOpen: (preview: ImagePreview) => void;
}

/** The distinct category names of an image's annotations, in the order they come. */
export function labelsOf(preview: ImagePreview, names: ReadonlyMap<number, string>): string[] {
  return [...new Set(preview.annotations.map((a) => categoryName(names, a.categoryId)))];
}

/**
 * Each poll of a running check brings new copies of the same previews: a tile renders again
 * only when its image (id) or what it shows with changes.
 */
export const ImageTile = memo(
  ImageTileView,
  (before, after) =>
    before.preview.thumbnailId === after.preview.thumbnailId &&
    before.preview.annotationsTotal === after.preview.annotationsTotal &&
    before.names === after.names &&
    before.detection === after.detection &&
    before.onOpen === after.onOpen,
);

/** One sampled image: its thumbnail (read when near the view), its labels, or why it cannot show. */
function ImageTileView({ preview, names, detection, onOpen }: ImageTileProps) {
  const styles = useImagesStyles();
  const ref = useRef<HTMLLIElement>(null);
  const near = useNearViewport(ref);
  const thumbnail = useThumbnail(preview.thumbnailId, near);
  const labels = labelsOf(preview, names);
  return (
    <li ref={ref} className={styles.tile}>
      {thumbnail?.status === 'failed' ? (
        <div className={styles.failed}>
          <strong>
            <ErrorCircleRegular aria-hidden="true" /> Cannot be shown
          </strong>
          <span>{thumbnail.message}</span>
        </div>
      ) : (
        // No spinner per tile: fifty animations at once cost the frames the images need.
        <div className={styles.stage} aria-busy={thumbnail?.status === 'loading'}>
          {thumbnail?.status === 'ready' ? (
            <AnnotatedImage
              url={thumbnail.url}
              preview={preview}
              names={names}
              detection={detection}
              maxHeight={`${TILE_HEIGHT}px`}
              onLoad={markThumbnailLoaded}
            />
          ) : null}
        </div>
      )}
      <div className={styles.caption}>
        <span className={styles.fileName}>{preview.fileName}</span>
        {preview.annotationsTotal === 0 ? (
          <span className={styles.unlabelled}>No annotations</span>
        ) : detection ? (
          <span>
            {preview.annotationsTotal === 1 ? '1 box' : `${preview.annotationsTotal} boxes`}
          </span>
        ) : (
          <span className={styles.labels}>{labels.join(', ')}</span>
        )}
      </div>
      <button
        type="button"
        className={styles.enlarge}
        aria-label={`Enlarge ${preview.fileName}`}
        onClick={() => onOpen(preview)}
      />
    </li>
  );
}
