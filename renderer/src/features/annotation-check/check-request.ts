import type { AnnotationKind } from '../../../../shared/contract/dataset';
import { appAnnotationUriProblem } from '../../../../shared/contract/input-rules';

/** The form's URIs worth checking: each non-empty row once, in the form's order. */
export function urisToCheck(rows: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const uri = row.trim();
    if (uri !== '') seen.add(uri);
  }
  return [...seen];
}

/**
 * Why `Check annotation files` cannot run now, in words that say what to do; null when it can.
 * An empty row is skipped rather than blocking, since a new dataset starts with one.
 */
export function checkBlocker(rows: readonly string[]): string | null {
  if (urisToCheck(rows).length === 0) return 'Add an annotation file URI to check it.';
  for (const [index, row] of rows.entries()) {
    if (row.trim() === '') continue;
    const problem = appAnnotationUriProblem(row.trim());
    // What is wrong is said under the row itself; said again here it would be said twice.
    if (problem !== undefined) return `Fix URI ${index + 1} to check the files.`;
  }
  return null;
}

/** What a report was made for; a change of either makes it outdated. */
export interface CheckedFor {
  uris: readonly string[];
  kind: AnnotationKind;
}

export function isOutdated(checked: CheckedFor, now: CheckedFor): boolean {
  return (
    checked.kind !== now.kind ||
    checked.uris.length !== now.uris.length ||
    checked.uris.some((uri, index) => uri !== now.uris[index])
  );
}
