import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AppError } from '../../../../shared/ipc/errors';
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
  className?: string;
}

/** A failure the user should act on: announced at once (role alert), the service's words kept. */
export function ErrorAlert({ error, title, advice, action, className }: ErrorAlertProps) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" className={className}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title ?? errorHeadline(error)}</MessageBarTitle>
        {advice ? <span>{advice}</span> : null}
        <span className={styles.message}>{error.message}</span>
      </MessageBarBody>
      {action ? <MessageBarActions>{action}</MessageBarActions> : null}
    </MessageBar>
  );
}
