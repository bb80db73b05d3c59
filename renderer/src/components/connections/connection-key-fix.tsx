import { Button } from '@fluentui/react-components';
import { createContext, useContext } from 'react';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';

type OpenEditor = (connection: ConnectionSummary) => void;

/** Given by ConnectionKeyFixProvider (its own module, since it holds the dialog's code). */
export const KeyFixContext = createContext<OpenEditor | undefined>(undefined);

/** The button's label when the connection's key is what failed; undefined when it is not. */
export function keyFixLabel(error: AppError): string | undefined {
  if (error.kind === 'unauthorized') return 'Edit connection';
  if (error.kind === 'keyUnavailable') return 'Enter the key';
  return undefined;
}

/** Next to a refused (401) or unavailable key: opens Edit connection with the key field focused. */
export function ConnectionKeyFix({
  connection,
  error,
}: {
  connection: ConnectionSummary;
  error: AppError;
}) {
  const open = useContext(KeyFixContext);
  const label = keyFixLabel(error);
  // The built-in connection's key is the app's own; nothing for the user to enter.
  if (!open || !label || connection.builtIn) return null;
  return (
    <Button appearance="primary" onClick={() => open(connection)}>
      {label}
    </Button>
  );
}
