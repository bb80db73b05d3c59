import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { ANNOTATION_KIND_LABELS, ANNOTATION_KIND_SHORT } from '../../format/labels';

export type SortColumn = 'name' | 'kind' | 'updated';
export type SortDirection = 'ascending' | 'descending';
export interface DatasetSort {
  column: SortColumn;
  direction: SortDirection;
}

/** The service's own order (by name) until a user asks for another. */
export const DEFAULT_SORT: DatasetSort = { column: 'name', direction: 'ascending' };

/**
 * Whether a dataset matches what was typed in `Filter datasets`: its name, its kind as shown
 * (either wording), any annotation file URI, or any property name or value. Case is ignored;
 * `query` is expected trimmed, and an empty one matches everything.
 */
export function matchesFilter(dataset: RedactedDataset, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const has = (text: string) => text.toLowerCase().includes(q);
  return (
    has(dataset.name) ||
    has(ANNOTATION_KIND_LABELS[dataset.annotationKind]) ||
    has(ANNOTATION_KIND_SHORT[dataset.annotationKind]) ||
    dataset.annotationFileUris.some(has) ||
    Object.entries(dataset.customProperties ?? {}).some(([key, value]) => has(key) || has(value))
  );
}

export function filterDatasets(datasets: RedactedDataset[], query: string): RedactedDataset[] {
  return query.trim() === '' ? datasets : datasets.filter((d) => matchesFilter(d, query));
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareBy(column: SortColumn, a: RedactedDataset, b: RedactedDataset): number {
  switch (column) {
    case 'name':
      return byName.compare(a.name, b.name);
    case 'kind':
      return byName.compare(
        ANNOTATION_KIND_SHORT[a.annotationKind],
        ANNOTATION_KIND_SHORT[b.annotationKind],
      );
    case 'updated':
      return Date.parse(a.updatedDateTime) - Date.parse(b.updatedDateTime);
  }
}

/**
 * A sorted copy. Ties fall back to the name (ascending whatever the direction), so rows of one
 * kind or one instant keep a stable, findable order.
 */
export function sortDatasets(datasets: RedactedDataset[], sort: DatasetSort): RedactedDataset[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...datasets].sort(
    (a, b) => sign * compareBy(sort.column, a, b) || byName.compare(a.name, b.name),
  );
}

/**
 * What a click on a column header does: the same column flips direction; another one starts
 * ascending, except Updated, where the newest first is what a user looks for.
 */
export function nextSort(current: DatasetSort, column: SortColumn): DatasetSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column === 'updated' ? 'descending' : 'ascending' };
}
