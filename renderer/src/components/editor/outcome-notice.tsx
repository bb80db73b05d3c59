import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { EditorOutcome } from '../../editor/editor-state';
import { ErrorAlert } from '../common/ErrorAlert';
import { isUnreachable } from '../common/error-headlines';

/** What the last save (or reload) came to, when it failed: the line under the command bar. */
export function OutcomeNotice({
  outcome,
  connection,
}: {
  outcome: EditorOutcome | null;
  connection: ConnectionSummary;
}) {
  if (!outcome || !('error' in outcome)) return null;
  const { error } = outcome;
  if (outcome.kind === 'reloadFailed') {
    return <ErrorAlert error={error} title="Could not reload" connection={connection} />;
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
  return <ErrorAlert error={error} title="Not saved" connection={connection} />;
}
