import { useEffect } from 'react';
import { onDemand } from '../../../components/common/on-demand';
import { markPreviewsArrived } from './image-marks';
import type { ImagesProps } from './images-props';

const ImagesRegion = onDemand<ImagesProps>('Images', () =>
  import('./ImagesRegion').then((m) => m.ImagesRegion),
);

/** The `Images` region of a checked file: its code loads once a report has images to show. */
export function Images({ previews, report, fileName, onlyFile }: Partial<ImagesProps>) {
  const shown = previews && report && previews.length > 0;
  const firstId = previews?.[0]?.thumbnailId;
  useEffect(() => {
    if (firstId) markPreviewsArrived(firstId);
  }, [firstId]);
  return shown ? (
    <ImagesRegion
      previews={previews}
      report={report}
      fileName={fileName ?? ''}
      onlyFile={onlyFile ?? true}
    />
  ) : null;
}
