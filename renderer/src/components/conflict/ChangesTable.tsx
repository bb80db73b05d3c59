import { mergeClasses } from '@fluentui/react-components';
import type { MergeRow } from '../../../../shared/merge/merge-types';
import type { MergeAuth } from '../../conflict/merge-auth';
import { shownValue } from '../../conflict/shown-value';
import { ComparisonTable } from './ComparisonTable';
import { FieldValue } from './FieldValue';
import { useComparisonStyles } from './comparison-styles';

interface ChangesTableProps {
  rows: MergeRow<MergeAuth>[];
  loaded: MergeAuth | undefined;
}

/** What changed on the service since the editor loaded the dataset: then and now. */
export function ChangesTable({ rows, loaded }: ChangesTableProps) {
  const styles = useComparisonStyles();
  return (
    <ComparisonTable label="Changes since you opened it" columns={['When you opened it', 'Now']}>
      {rows.map((row) => (
        <tr key={row.field} className={styles.row}>
          <th scope="row" className={mergeClasses(styles.cell, styles.rowHead)}>
            <span className={styles.fieldName}>{row.label}</span>
          </th>
          <td className={styles.cell}>
            <FieldValue value={shownValue(row.field, row.base, loaded)} unchanged />
          </td>
          <td className={styles.cell}>
            <FieldValue
              value={shownValue(row.field, row.theirs, loaded)}
              loaded={shownValue(row.field, row.base, loaded)}
            />
          </td>
        </tr>
      ))}
    </ComparisonTable>
  );
}
