import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { isRetryable } from '../../api/retryable';
import { ConnectionKeyFix, keyFixLabel } from '../connections/connection-key-fix';
import { errorHeadline } from './error-headlines';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  message: { overflowWrap: 'anywhere' },
});

interface ErrorAlertProps {
  error: AppError;
  /** Overrides the headline of the error's kind when the context says more. */
  title?: string;
  /** What the user can do now, said before the service's own message. */
  advice?: ReactNode;
  action?: ReactNode;
  /** Shown as `Try again` only where trying again can help (see isRetryable). */
  onRetry?: () => void;
  /** The connection the request went through: a refused or missing key offers its fix. */
  connection?: ConnectionSummary;
  className?: string;
}

/** A failure the user should act on: announced at once (role alert), the service's words kept. */
export function ErrorAlert({
  error,
  title,
  advice,
  action,
  onRetry,
  connection,
  className,
}: ErrorAlertProps) {
  const styles = useStyles();
  const retry = onRetry && isRetryable(error) ? <Button onClick={onRetry}>Try again</Button> : null;
  const keyFix =
    connection && !connection.builtIn && keyFixLabel(error) ? (
      <ConnectionKeyFix connection={connection} error={error} />
    ) : null;
  const actions = action || retry || keyFix;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" className={className}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title ?? errorHeadline(error)}</MessageBarTitle>
        {advice ? <span>{advice}</span> : null}
        <span className={styles.message}>{error.message}</span>
      </MessageBarBody>
      {actions ? (
        <MessageBarActions>
          {keyFix}
          {action}
          {retry}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
