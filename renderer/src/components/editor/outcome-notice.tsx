import type { AppError } from '../../../../shared/ipc/errors';
import { ErrorAlert } from '../common/ErrorAlert';
import { isUnreachable } from '../common/error-headlines';

/** What the last save (or reload) came to, for the line under the command bar. */
export type EditorOutcome =
  /** `editsKept`: the user typed on while it ran, and those edits are not saved yet. */
  | { kind: 'saved'; editsKept?: boolean }
  /** No edits were open when a colleague's version arrived, so the form now shows it. */
  | { kind: 'changedOnService' }
  | { kind: 'conflict'; error: AppError }
  | { kind: 'failed'; error: AppError }
  | { kind: 'reloadFailed'; error: AppError };

export function OutcomeNotice({ outcome }: { outcome: EditorOutcome | null }) {
  if (!outcome || outcome.kind === 'saved' || outcome.kind === 'changedOnService') return null;
  const { error } = outcome;
  if (outcome.kind === 'reloadFailed') {
    return <ErrorAlert error={error} title="Could not reload" />;
  }
  if (outcome.kind === 'conflict') {
    return (
      <ErrorAlert
        error={error}
        title="Not saved: someone else changed this dataset"
        advice="It changed on the service since you loaded it. Your edits are still here: Save again to merge them with the current version, or Reload to take it and drop them."
      />
    );
  }
  if (isUnreachable(error)) {
    return (
      <ErrorAlert
        error={error}
        title="Not saved: the service cannot be reached"
        advice="Your edits are kept. Save again when the connection is back."
      />
    );
  }
  return <ErrorAlert error={error} title="Not saved" />;
}
