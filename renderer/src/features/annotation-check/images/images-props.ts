import type { CocoReport } from '../../../../../shared/coco/report';
import type { ImagePreview } from '../../../../../shared/storage/image-preview';

export interface ImagesProps {
  previews: ImagePreview[];
  report: CocoReport;
  /** The checked file's name: a report of several files has an `Images` region for each. */
  fileName: string;
  /** The report holds this file alone: the region is then named `Images`, as the product says. */
  onlyFile: boolean;
}
