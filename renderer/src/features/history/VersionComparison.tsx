import {
  Button,
  Field,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef } from 'react';
import type { HistoryVersion } from '../../../../shared/history/history-contract';
import { ComparisonTable } from '../../components/conflict/ComparisonTable';
import { FieldValue } from '../../components/conflict/FieldValue';
import { useComparisonStyles } from '../../components/conflict/comparison-styles';
import { shownValue } from '../../conflict/shown-value';
import type { MergeAuth } from '../../conflict/merge-auth';
import { comparedFields, versionLabel } from './history-words';
import type { ComparedField } from './history-words';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  same: { color: tokens.colorNeutralForeground3 },
});

interface VersionComparisonProps {
  versions: HistoryVersion[];
  /** The version whose Compare was pressed. */
  picked: HistoryVersion;
  other: HistoryVersion | undefined;
  onPickOther: (versionId: string) => void;
  onBack: () => void;
}

/** Both sides show "SAS token (saved)" when only the token changed: the caption tells. */
function captionOf(row: ComparedField): string {
  if (!row.changed) return 'Same';
  const [a, b] = [row.older as MergeAuth | null, row.newer as MergeAuth | null];
  return row.field === 'authentication' && a?.kind === 'sas' && b?.kind === 'sas'
    ? 'Changed: another SAS token'
    : 'Changed';
}

/** Two versions side by side, the older on the left, each changed field marked. */
export function VersionComparison({
  versions,
  picked,
  other,
  onPickOther,
  onBack,
}: VersionComparisonProps) {
  const styles = useStyles();
  const table = useComparisonStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [older, newer] =
    other && Number(other.versionId) < Number(picked.versionId) ? [other, picked] : [picked, other];
  const rows = newer ? comparedFields(older.dataset, newer.dataset) : [];
  const changes = rows.filter((row) => row.changed).length;

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <div className={styles.top}>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
          Back to history
        </Button>
        <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
          Compare versions
        </h3>
      </div>
      <Field label="Compare with">
        <Select value={other?.versionId ?? ''} onChange={(_event, data) => onPickOther(data.value)}>
          {other ? null : <option value="">Choose a version</option>}
          {versions
            .filter((v) => v.versionId !== picked.versionId)
            .map((v) => (
              <option key={v.versionId} value={v.versionId}>
                {versionLabel(v)}
              </option>
            ))}
        </Select>
      </Field>
      {newer ? (
        <>
          <p role="status">
            {changes === 0
              ? 'The two versions hold the same fields.'
              : `${changes} ${changes === 1 ? 'field differs' : 'fields differ'}.`}
          </p>
          <ComparisonTable
            label="Compared versions"
            columns={[`Older: ${versionLabel(older)}`, `Newer: ${versionLabel(newer)}`]}
          >
            {rows.map((row) => (
              <tr
                key={row.field}
                className={mergeClasses(table.row, row.changed && styles.changed)}
              >
                <th scope="row" className={mergeClasses(table.cell, table.rowHead)}>
                  <span className={table.fieldCell}>
                    <span className={table.fieldName}>{row.label}</span>
                    <span className={table.caption}>{captionOf(row)}</span>
                  </span>
                </th>
                <td className={table.cell}>
                  <FieldValue value={shownValue(row.field, row.older)} unchanged={!row.changed} />
                </td>
                <td className={table.cell}>
                  <FieldValue
                    value={shownValue(row.field, row.newer)}
                    unchanged={!row.changed}
                    {...(row.changed && { loaded: shownValue(row.field, row.older) })}
                  />
                </td>
              </tr>
            ))}
          </ComparisonTable>
        </>
      ) : (
        <p className={styles.same}>
          This is the only version kept so far: there is nothing to compare it with.
        </p>
      )}
    </section>
  );
}
