import { Field, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ImagePreview } from '../../../../../shared/storage/image-preview';
import type { ImagesProps } from './images-props';
import { withCategory } from './box-geometry';
import { EnlargedImageDialog } from './EnlargedImageDialog';
import { ImageTile } from './ImageTile';
import { useImagesStyles } from './images-styles';

const ALL = 'all';

/**
 * The sampled images of a checked file, as the service will see them: boxes with their
 * category names (object detection) or the label under each image (classification), images
 * without annotations marked, a filter by category, and any image enlarged by click or Enter.
 */
export function ImagesRegion({ previews, report, fileName, onlyFile }: ImagesProps) {
  const styles = useImagesStyles();
  const [filter, setFilter] = useState(ALL);
  const [open, setOpen] = useState<ImagePreview | null>(null);
  const detection = report.kind === 'imageObjectDetection';
  const categories = report.statistics.categoryCounts;
  // By content, not identity: each poll of a running check brings a new copy of the same list.
  const namesKey = JSON.stringify(categories.map((category) => [category.id, category.name]));
  const names = useMemo(() => new Map(JSON.parse(namesKey) as [number, string][]), [namesKey]);
  const shown = useMemo(
    () => withCategory(previews, filter === ALL ? undefined : Number(filter)),
    [previews, filter],
  );
  const total = report.statistics.images;
  return (
    // `Images`; with several files, `Images in FILE`, as landmarks must not share a name.
    <section className={styles.region} aria-label={onlyFile ? 'Images' : `Images in ${fileName}`}>
      <div className={styles.header}>
        <div>
          <h6 className={styles.heading}>Images</h6>
          <p className={styles.note}>
            {previews.length < total
              ? `A sample of ${previews.length.toLocaleString()} of ${total.toLocaleString()} images: the first, the last and others at random.`
              : `All ${total.toLocaleString()} images.`}
            {filter === ALL ? '' : ` Showing ${shown.length.toLocaleString()}.`}
          </p>
        </div>
        {categories.length > 0 ? (
          <Field label="Filter by category" size="small">
            <Select value={filter} size="small" onChange={(_event, data) => setFilter(data.value)}>
              <option value={ALL}>All categories</option>
              {categories.map((category, index) => (
                <option key={`${category.id}-${index}`} value={String(category.id)}>
                  {category.name || `category ${category.id}`}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <ul className={styles.grid} aria-label="Sampled images">
          {shown.map((preview) => (
            <ImageTile
              key={preview.thumbnailId}
              preview={preview}
              names={names}
              detection={detection}
              onOpen={setOpen}
            />
          ))}
        </ul>
      ) : (
        <p className={styles.note}>No sampled image has this category.</p>
      )}
      {open ? (
        <EnlargedImageDialog
          preview={open}
          names={names}
          detection={detection}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
