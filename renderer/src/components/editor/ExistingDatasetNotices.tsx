import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import type { EditorOutcome } from '../../editor/editor-state';
import type { NewerVersionStep } from '../../editor/newer-version';
import { ErrorAlert } from '../common/ErrorAlert';
import { OutcomeNotice } from './outcome-notice';
import { ChangedOnServiceNotice, ReviewChangesBanner } from './service-change-notices';

interface ExistingDatasetNoticesProps {
  connection: ConnectionSummary;
  name: string;
  outcome: EditorOutcome | null;
  /** The last re-read of the open dataset failed. */
  refreshError: AppError | null;
  newerVersion: NewerVersionStep;
  onReview: () => void;
  onDismiss: () => void;
}

/** The messages under a saved dataset's command bar: its refreshes, saves and reloads. */
export function ExistingDatasetNotices({
  connection,
  name,
  outcome,
  refreshError,
  newerVersion,
  onReview,
  onDismiss,
}: ExistingDatasetNoticesProps) {
  return (
    <>
      {refreshError && !outcome ? (
        <ErrorAlert
          error={refreshError}
          title="Could not refresh this dataset"
          connection={connection}
        />
      ) : null}
      {/* After a refused save the conflict alert already says it, and Save merges. */}
      {newerVersion === 'review' && outcome?.kind !== 'conflict' ? (
        <ReviewChangesBanner name={name} onReview={onReview} />
      ) : null}
      {outcome?.kind === 'changedOnService' ? (
        <ChangedOnServiceNotice name={name} onDismiss={onDismiss} />
      ) : null}
      <OutcomeNotice outcome={outcome} connection={connection} />
    </>
  );
}
