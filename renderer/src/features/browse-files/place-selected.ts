import { MAX_ANNOTATION_FILE_URIS } from '../../../../shared/contract/limits';

export interface PlacedSelection {
  rows: string[];
  added: string[];
  /** Selected but in the form already: not added twice. */
  alreadyListed: string[];
  /** Past the dataset's limit of rows. */
  leftOut: string[];
}

/**
 * Puts the files picked in `Browse files` into the URI rows: empty rows first, in order, then
 * new rows up to the limit. A URI the form lists already is not added again (it would be a
 * duplicate the form refuses); what does not fit is returned, so the page can say so.
 */
export function placeSelectedUris(
  rows: readonly string[],
  selected: readonly string[],
  max = MAX_ANNOTATION_FILE_URIS,
): PlacedSelection {
  const listed = new Set(rows.map((row) => row.trim()));
  const alreadyListed = selected.filter((uri) => listed.has(uri));
  const fresh = [...new Set(selected.filter((uri) => !listed.has(uri)))];
  const next = [...rows];
  const added: string[] = [];
  const leftOut: string[] = [];
  for (const uri of fresh) {
    const empty = next.findIndex((row) => row.trim() === '');
    if (empty >= 0) next[empty] = uri;
    else if (next.length < max) next.push(uri);
    else {
      leftOut.push(uri);
      continue;
    }
    added.push(uri);
  }
  return { rows: next, added, alreadyListed, leftOut };
}

/** How many more files fit in the form: its empty rows plus the rows it may still add. */
export function roomForUris(rows: readonly string[], max = MAX_ANNOTATION_FILE_URIS): number {
  return rows.filter((row) => row.trim() === '').length + Math.max(0, max - rows.length);
}
