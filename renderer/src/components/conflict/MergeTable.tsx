import { Badge, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import { sameJsonValue } from '../../../../shared/contract/dataset-diff';
import type { MergeFieldId } from '../../../../shared/merge/field-ids';
import type {
  MergeChoices,
  MergeOutcome,
  MergeRow,
  MergeSide,
} from '../../../../shared/merge/merge-types';
import type { MergeAuth } from '../../conflict/merge-auth';
import { SOURCE_LABELS, changedBy, rowResult } from '../../conflict/merge-row-view';
import { shownValue } from '../../conflict/shown-value';
import { ChoiceGroup } from '../common/ChoiceGroup';
import { ComparisonTable } from './ComparisonTable';
import { FieldValue } from './FieldValue';
import { useComparisonStyles } from './comparison-styles';

const useStyles = makeStyles({
  conflict: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    boxShadow: `inset 4px 0 0 ${tokens.colorStatusWarningBorderActive}`,
  },
  resolved: { boxShadow: `inset 4px 0 0 ${tokens.colorStatusSuccessBorderActive}` },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  source: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  pending: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorStatusWarningForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  choices: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})` },
});

const SIDE_CHOICES = [
  { value: 'mine', label: 'Keep mine' },
  { value: 'theirs', label: 'Take theirs' },
] as const;

interface MergeTableProps {
  outcome: MergeOutcome<MergeAuth>;
  choices: MergeChoices;
  onChoose: (field: MergeFieldId, side: MergeSide) => void;
}

/** Every field that changed on either side: yours, theirs and what the save would hold. */
export function MergeTable({ outcome, choices, onChoose }: MergeTableProps) {
  return (
    <ComparisonTable label="Changed fields" columns={['Yours', 'Theirs', 'Result']}>
      {outcome.rows.map((row) => (
        <MergeTableRow
          key={row.field}
          row={row}
          loaded={outcome.base.authentication}
          side={choices[row.field]}
          onChoose={onChoose}
        />
      ))}
    </ComparisonTable>
  );
}

interface MergeTableRowProps {
  row: MergeRow<MergeAuth>;
  loaded: MergeAuth | undefined;
  side: MergeSide | undefined;
  onChoose: (field: MergeFieldId, side: MergeSide) => void;
}

function MergeTableRow({ row, loaded, side, onChoose }: MergeTableRowProps) {
  const styles = useComparisonStyles();
  const own = useStyles();
  const labelId = useId('merge-field-');
  const result = rowResult(row, side ? { [row.field]: side } : {});
  const shown = (value: unknown) => shownValue(row.field, value, loaded);
  const before = shown(row.base);
  return (
    <tr
      className={mergeClasses(
        styles.row,
        row.conflict && (result.chosen ? own.resolved : own.conflict),
      )}
    >
      <th scope="row" className={mergeClasses(styles.cell, styles.rowHead)}>
        <div className={styles.fieldCell}>
          <span id={labelId} className={styles.fieldName}>
            {row.label}
          </span>
          {row.conflict ? (
            result.chosen ? (
              <Badge appearance="tint" color="success" icon={<CheckmarkCircleRegular />}>
                Resolved
              </Badge>
            ) : (
              <Badge appearance="tint" color="warning" icon={<WarningRegular />}>
                Conflict
              </Badge>
            )
          ) : null}
          <span className={styles.caption}>{changedBy(row)}</span>
        </div>
      </th>
      <td className={styles.cell}>
        <FieldValue
          value={shown(row.mine)}
          unchanged={sameJsonValue(row.mine, row.base)}
          loaded={before}
        />
      </td>
      <td className={styles.cell}>
        <FieldValue
          value={shown(row.theirs)}
          unchanged={sameJsonValue(row.theirs, row.base)}
          loaded={before}
        />
      </td>
      <td className={styles.cell}>
        <div className={own.result}>
          {row.conflict ? (
            <div className={own.choices}>
              <ChoiceGroup
                labelledBy={labelId}
                choices={SIDE_CHOICES}
                value={side}
                onChange={(next) => onChoose(row.field, next)}
              />
            </div>
          ) : null}
          {result.chosen ? (
            <>
              <FieldValue value={shown(result.value)} loaded={before} />
              <span className={own.source}>{SOURCE_LABELS[result.source]}</span>
            </>
          ) : (
            <span className={own.pending}>
              <ErrorCircleRegular aria-hidden="true" />
              Choose a side
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
