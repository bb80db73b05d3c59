import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  useId,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { CheckProgress } from '../../../../shared/storage/check-contract';
import { plural } from '../../format/labels';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { FileCheckResult } from './FileCheckResult';
import { useReportStyles } from './report-styles';
import type { CheckRun } from './use-annotation-check';

interface AnnotationCheckReportProps {
  run: CheckRun;
  /** The URIs or the kind changed since: the report stays, marked as such. */
  outdated: boolean;
  onCancel: () => void;
}

/** The region `Annotation check`: how far the check got, then each file's result. */
export function AnnotationCheckReport({ run, outdated, onCancel }: AnnotationCheckReportProps) {
  const styles = useReportStyles();
  const titleId = useId('annotation-check-');
  const { progress, error } = run;
  const running = error === null && (progress === null || progress.state === 'running');
  return (
    <section className={styles.report} aria-labelledby={titleId}>
      <h4 id={titleId} className={styles.title}>
        Annotation check
      </h4>
      <p role="status" className={styles.line}>
        {summaryOf(run, running)}
      </p>
      {running ? (
        <div className={styles.running}>
          <Field className={styles.progress} label="Progress of the check">
            <ProgressBar
              thickness="large"
              value={progress && progress.fraction > 0 ? progress.fraction : undefined}
            />
          </Field>
          <Button icon={<DismissRegular />} disabled={progress === null} onClick={onCancel}>
            Cancel check
          </Button>
        </div>
      ) : null}
      {outdated ? (
        <MessageBar intent="info">
          <MessageBarBody>
            The annotation files or their kind changed since this check; check again to see the
            files as they are now.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {progress?.notice ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{progress.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorAlert error={error} title="The check could not run" /> : null}
      {progress?.files.map((file) => (
        <FileCheckResult key={file.uri} file={file} onlyFile={progress.files.length === 1} />
      ))}
    </section>
  );
}

function summaryOf(run: CheckRun, running: boolean): string {
  const { progress, error, purpose } = run;
  const files = plural(run.checked.uris.length, 'file');
  if (error) return `The check of ${files} stopped.`;
  if (running || !progress) return `Checking ${files} for ${purpose}…`;
  if (progress.state === 'cancelled') return `Check cancelled: the results so far are shown.`;
  return `Checked ${files} for ${progress.purpose}: ${outcomeOf(progress)}.`;
}

function outcomeOf(progress: CheckProgress): string {
  const { files } = progress;
  const unreadable = files.filter((file) => file.state === 'failed').length;
  const withErrors = files.filter(
    (file) => (file.report?.errorCount ?? 0) > 0 || (file.images?.unreachableTotal ?? 0) > 0,
  ).length;
  const withWarnings = files.filter(
    (file) =>
      (file.report?.errorCount ?? 0) === 0 &&
      (file.images?.unreachableTotal ?? 0) === 0 &&
      (file.report?.warningCount ?? 0) > 0,
  ).length;
  const parts = [];
  if (unreadable > 0) parts.push(`${plural(unreadable, 'file')} could not be read`);
  if (withErrors > 0) parts.push(`${plural(withErrors, 'file')} with errors`);
  if (withWarnings > 0) parts.push(`${plural(withWarnings, 'file')} with warnings only`);
  return parts.length > 0 ? parts.join(', ') : 'no problems found';
}
