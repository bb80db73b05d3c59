import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import type { ImagePreview } from '../../../../../shared/storage/image-preview';
import { useReturnFocus } from '../../../hooks/use-return-focus';
import { AnnotatedImage, categoryName } from './AnnotatedImage';
import { useImagesStyles } from './images-styles';
import { useThumbnail } from './use-thumbnail';

export interface EnlargedImageDialogProps {
  preview: ImagePreview;
  names: ReadonlyMap<number, string>;
  detection: boolean;
  onClose: () => void;
}

const short = (n: number) => String(Math.round(n * 1000) / 1000);

/** One sampled image, large, with its annotations listed as the file has them. */
export function EnlargedImageDialog({
  preview,
  names,
  detection,
  onClose,
}: EnlargedImageDialogProps) {
  const styles = useImagesStyles();
  useReturnFocus();
  const thumbnail = useThumbnail(preview.thumbnailId, true);
  const more = preview.annotationsTotal - preview.annotations.length;
  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.dialogSurface}>
        <DialogBody>
          <DialogTitle>{preview.fileName}</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            <div className={styles.dialogStage}>
              {thumbnail?.status === 'ready' ? (
                <AnnotatedImage
                  url={thumbnail.url}
                  preview={preview}
                  names={names}
                  detection={detection}
                  maxHeight="55vh"
                />
              ) : thumbnail?.status === 'failed' ? (
                <p>{thumbnail.message}</p>
              ) : (
                <Spinner size="small" label="Loading the image" />
              )}
            </div>
            <p className={styles.note}>
              {`${preview.location}${preview.width !== undefined ? `, ${preview.width} x ${preview.height} px` : ''}`}
            </p>
            {preview.annotationsTotal === 0 ? (
              <p className={styles.unlabelled}>No annotations</p>
            ) : (
              <ul className={styles.dialogList} aria-label="Annotations">
                {preview.annotations.map((annotation, index) => (
                  <li key={index}>
                    {categoryName(names, annotation.categoryId)}
                    {detection && annotation.bbox
                      ? `: bbox [${annotation.bbox.map(short).join(', ')}]`
                      : ''}
                  </li>
                ))}
                {more > 0 ? <li>{`and ${more.toLocaleString()} more`}</li> : null}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
