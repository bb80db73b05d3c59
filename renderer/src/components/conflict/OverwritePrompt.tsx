import { makeStyles, mergeClasses } from '@fluentui/react-components';
import type { MergeRow } from '../../../../shared/merge/merge-types';
import type { MergeAuth } from '../../conflict/merge-auth';
import { shownValue } from '../../conflict/shown-value';
import { plural } from '../../format/labels';
import { ConfirmDialogView } from '../common/ConfirmDialogView';
import { ComparisonTable } from './ComparisonTable';
import { FieldValue } from './FieldValue';
import { useComparisonStyles } from './comparison-styles';

const useStyles = makeStyles({
  text: { margin: 0 },
  // The question sits over the conflict dialog: it must not outgrow a small window.
  list: { maxHeight: 'calc(100dvh - 280px)', overflowY: 'auto' },
});

interface OverwritePromptProps {
  /** Their changes the overwrite would replace (conflict/overwrite-drops). */
  dropped: MergeRow<MergeAuth>[];
  loaded: MergeAuth | undefined;
  onOverwrite: () => void;
  onCancel: () => void;
}

/**
 * Overwrite with mine, asked first: it throws away what a colleague saved, so the question
 * names each change of theirs it would drop. Cancel is the default (ConfirmDialog, destructive).
 */
export function OverwritePrompt({ dropped, loaded, onOverwrite, onCancel }: OverwritePromptProps) {
  const styles = useStyles();
  const table = useComparisonStyles();
  return (
    <ConfirmDialogView
      open
      title="Overwrite their changes?"
      confirmLabel="Overwrite"
      destructive
      onConfirm={onOverwrite}
      onCancel={onCancel}
    >
      {dropped.length > 0 ? (
        <>
          <p className={styles.text}>
            Overwrite drops{' '}
            {dropped.length === 1 ? 'this change' : `these ${plural(dropped.length, 'change')}`}{' '}
            they saved and puts yours in place of {dropped.length === 1 ? 'it' : 'each'}.
          </p>
          {/* A long list scrolls; the keyboard reaches it with Shift+Tab from Cancel. */}
          <div className={styles.list} role="region" aria-label="Changes to drop" tabIndex={0}>
            <ComparisonTable label="Their changes to drop" columns={['Theirs, dropped', 'Yours']}>
              {dropped.map((row) => (
                <tr key={row.field} className={table.row}>
                  <th scope="row" className={mergeClasses(table.cell, table.rowHead)}>
                    <span className={table.fieldName}>{row.label}</span>
                  </th>
                  {/* Entries either side added since the edits began are marked as added. */}
                  <td className={table.cell}>
                    <FieldValue
                      value={shownValue(row.field, row.theirs, loaded)}
                      loaded={shownValue(row.field, row.base, loaded)}
                    />
                  </td>
                  <td className={table.cell}>
                    <FieldValue
                      value={shownValue(row.field, row.mine, loaded)}
                      loaded={shownValue(row.field, row.base, loaded)}
                    />
                  </td>
                </tr>
              ))}
            </ComparisonTable>
          </div>
        </>
      ) : (
        <p className={styles.text}>
          No change of theirs is dropped: where they changed a field, yours already holds the same
          value. Overwrite saves your version over theirs.
        </p>
      )}
    </ConfirmDialogView>
  );
}
