import { useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { CocoReport } from '../../../../../shared/coco/report';
import { ANNOTATION_KIND_SHORT } from '../../../format/labels';
import { categoryRows, minimumPerCategory } from './category-bars';
import { useCategoriesStyles } from './categories-styles';
import { CategoryChart } from './CategoryChart';
import { CategoryTable } from './CategoryTable';

interface CategoriesSectionProps {
  report: CocoReport;
  /** The checked file's name: tells this file's `Categories` from another file's. */
  fileName: string;
}

/**
 * `Categories` in a file's result: annotations per category as a bar chart, thin and unused
 * categories marked, and the same numbers as a table.
 */
export function CategoriesSection({ report, fileName }: CategoriesSectionProps) {
  const styles = useCategoriesStyles();
  const headingId = useId('categories-');
  const fileId = useId('categories-file-');
  const { statistics: s, kind, purpose } = report;
  const minimum = minimumPerCategory(kind, purpose);
  const rows = useMemo(
    () => categoryRows(s.categoryCounts, s.annotations, minimum),
    [s.categoryCounts, s.annotations, minimum],
  );
  if (rows.length === 0) return null;
  const doing = `${ANNOTATION_KIND_SHORT[kind].toLowerCase()} ${purpose}`;
  return (
    // Named `Categories in FILE`: regions of several files must not share a name.
    <section className={styles.section} aria-labelledby={`${headingId} ${fileId}`}>
      <h6 id={headingId} className={styles.heading}>
        Categories
      </h6>
      <span id={fileId} hidden>{`in ${fileName}`}</span>
      {s.categories > rows.length ? (
        <p className={styles.note}>
          {`The first ${rows.length.toLocaleString()} of ${s.categories.toLocaleString()} categories are listed in the check.`}
        </p>
      ) : null}
      <CategoryChart rows={rows} minimum={minimum} doing={doing} />
      <CategoryTable rows={rows} />
    </section>
  );
}
