import type { ReactNode } from 'react';
import { useComparisonStyles } from './comparison-styles';

/** The frame both comparison tables share: a field column, then one column per version. */
export function ComparisonTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: string[];
  children: ReactNode;
}) {
  const styles = useComparisonStyles();
  return (
    <div className={styles.frame}>
      <table className={styles.table} aria-label={label}>
        <colgroup>
          <col className={styles.fieldColumn} />
          {columns.map((column) => (
            <col key={column} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {['Field', ...columns].map((column) => (
              <th key={column} scope="col" className={styles.head}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
