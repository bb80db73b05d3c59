import {
  Badge,
  Button,
  Caption1,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { StopRegular, TaskListLtrRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { plural } from '../../format/labels';
import { useCheckAllProgress } from './check-all-query';
import { resultBadgeOf, runSummary } from './result-badge';
import { useCheckAll } from './use-check-all';

const useStyles = makeStyles({
  start: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
    // Icon only, a little narrower than Fluent's 32 px, so it stays on the line of Refresh
    // and New dataset in the narrowest pane.
    '@container dm-datasets (max-width: 599px)': {
      minWidth: '28px',
      maxWidth: '28px',
      padding: '3px',
      '& .fui-Button__icon': { marginRight: 0 },
    },
  },
  // In a narrow pane the icon alone shares the line with Refresh and New dataset (its
  // title and accessible name keep the words).
  label: {
    '@container dm-datasets (max-width: 599px)': {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
    },
  },
  // Its own line under the toolbar's buttons (the toolbar wraps).
  line: {
    flexBasis: '100%',
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
  },
  bar: { flexGrow: 1, flexBasis: '120px', minWidth: 0 },
  text: { minWidth: 0 },
  // In a narrow pane it gives way before the name does (its title keeps the words).
  badge: { flexShrink: 1000, minWidth: '3.5em' },
  badgeText: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface CheckAllToolsProps {
  connectionId: string;
  /** No datasets listed: nothing to check. */
  disabled: boolean;
}

/**
 * `Check all datasets` in the list's toolbar; while a run goes, a line under it with the
 * progress and Stop, and once it is over, what it found in one sentence.
 */
export function CheckAllToolsView({ connectionId, disabled }: CheckAllToolsProps) {
  const styles = useStyles();
  const { progress, running, error, start, stop } = useCheckAll(connectionId);
  const startButton = useRef<HTMLButtonElement>(null);
  // Stop goes away with the run: focus then returns to where the run began.
  const stopHadFocus = useRef(false);
  useEffect(() => {
    if (running || !stopHadFocus.current) return;
    stopHadFocus.current = false;
    startButton.current?.focus();
  }, [running]);

  return (
    <>
      <Button
        ref={startButton}
        className={styles.start}
        icon={<TaskListLtrRegular />}
        title="Check every dataset's annotation files with its saved access"
        // Nothing listed: out of the Tab order. Running: kept focusable, as Stop hands focus back.
        disabled={disabled && !running}
        disabledFocusable={running}
        onClick={() => void start()}
      >
        <span className={styles.label}>Check all datasets</span>
      </Button>
      {running && progress?.state === 'running' ? (
        <div className={styles.line}>
          <ProgressBar
            className={styles.bar}
            thickness="medium"
            value={progress.fraction}
            aria-label="Checking datasets"
          />
          <Caption1 className={styles.text} role="status">
            {progress.finished.toLocaleString()} of {plural(progress.total, 'dataset')} checked
          </Caption1>
          <Button
            size="small"
            icon={<StopRegular />}
            onFocus={() => (stopHadFocus.current = true)}
            onBlur={() => (stopHadFocus.current = false)}
            onClick={() => void stop()}
          >
            Stop
          </Button>
        </div>
      ) : null}
      {!running && progress && progress.state !== 'running' ? (
        <Caption1 className={styles.line} role="status">
          {runSummary(progress.datasets, progress.state === 'cancelled')}
        </Caption1>
      ) : null}
      {error ? (
        <div className={styles.line}>
          <ErrorAlert
            error={error}
            title="The datasets could not be checked"
            onRetry={() => void start()}
          />
        </div>
      ) : null}
    </>
  );
}

export interface CheckAllResultProps {
  connectionId: string;
  name: string;
}

/** A row's result of the last run: a badge, and the sentence behind it for a screen reader. */
export function CheckAllResultView({ connectionId, name }: CheckAllResultProps) {
  const styles = useStyles();
  const result = useCheckAllProgress(connectionId, (progress) =>
    progress.datasets.find((d) => d.name === name),
  );
  const badge = result && resultBadgeOf(result);
  if (!result || !badge) return null;
  return (
    <>
      <Badge className={styles.badge} appearance="tint" color={badge.color} title={result.summary}>
        <span className={styles.badgeText}>{badge.text}</span>
      </Badge>
      {result.summary !== badge.text ? (
        <span className={styles.hidden}>{result.summary}</span>
      ) : null}
    </>
  );
}
