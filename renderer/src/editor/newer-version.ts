import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';

/**
 * What the editor does when the service holds another version than the one the form is based
 * on (a colleague saved it; the app re-reads the open dataset on focus and every 30 s):
 * - `none`: the same version, or the editor is busy with a save, reload or the conflict
 *   dialog, whose own ending moves the base (and the app's own saves update the cache, so
 *   they never look like someone else's);
 * - `follow`: nothing would be lost, so the form shows the new version;
 * - `review`: there are edits, so the user is told and offered the merge before saving.
 */
export type NewerVersionStep = 'none' | 'follow' | 'review';

export function newerVersionStep({
  base,
  latest,
  dirty,
  busy,
}: {
  base: RedactedDataset;
  latest: RedactedDataset;
  dirty: boolean;
  busy: boolean;
}): NewerVersionStep {
  if (busy || latest.eTag === base.eTag) return 'none';
  return dirty ? 'review' : 'follow';
}
