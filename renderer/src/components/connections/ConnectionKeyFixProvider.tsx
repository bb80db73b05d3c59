import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '../../../../shared/ipc/contract';
import { useAppInfo } from '../../hooks/use-app-info';
import { ConnectionDialog } from './ConnectionDialog';
import { KeyFixContext } from './connection-key-fix';

/**
 * A refused or missing key is fixed in the connection dialog, whichever pane showed the error:
 * the dialog is opened from here, above the panes, on the key field.
 */
export function ConnectionKeyFixProvider({ children }: { children: ReactNode }) {
  const appInfo = useAppInfo();
  const [editing, setEditing] = useState<ConnectionSummary | null>(null);
  return (
    <KeyFixContext.Provider value={setEditing}>
      {children}
      {editing ? (
        <ConnectionDialog
          connection={editing}
          secretStorage={appInfo.data?.secretStorage}
          focusKey
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </KeyFixContext.Provider>
  );
}
