import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { BulkOperation } from '../../../../shared/bulk-edit/bulk-edit-contract';
import { OUTCOME_WORDS } from '../../../../shared/bulk-edit/bulk-edit-contract';
import { bulkFieldsOf, planBulkEdit } from '../../../../shared/bulk-edit/plan-bulk-edit';
import type { BulkPlan } from '../../../../shared/bulk-edit/plan-bulk-edit';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { ErrorAlert } from '../../components/common/ErrorAlert';
import { plural } from '../../format/labels';
import { EMPTY_FORM, OPERATION_LABELS, checkBulkForm } from './bulk-operation-form';
import type { AuthChoice, BulkFormValues, FormField, OperationKind } from './bulk-operation-form';
import { useApi } from '../../api/api-context';
import { draftForReview } from './review-draft';
import { useBulkEdit } from './use-bulk-edit';

const useStyles = makeStyles({
  surface: { width: 'min(880px, calc(100vw - 32px))', maxWidth: 'none', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    // Each field as tall as its own content (a hint must not stretch the others' boxes), and
    // no wider than its column.
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '& > *': { minWidth: 0 },
  },
  // A native select is as wide as its longest option unless told otherwise.
  select: { minWidth: 0, '& > select': { minWidth: 0, width: '100%' } },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th': {
      textAlign: 'left',
      fontWeight: tokens.fontWeightSemibold,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      overflowWrap: 'anywhere',
      verticalAlign: 'top',
    },
  },
  nameColumn: { width: '30%' },
  outcomeColumn: { width: '25%' },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  status: { marginRight: 'auto', alignSelf: 'center' },
});

export interface BulkEditDialogProps {
  connectionId: string;
  /** The selected datasets as the list shows them: each one's base for the edit and a merge. */
  datasets: RedactedDataset[];
  /**
   * `Review` of a conflict: opens the dataset afresh (asking first if the editor holds unsaved
   * edits) once `prepare` has put the edit in its draft.
   */
  onReview: (name: string, prepare: () => Promise<void>) => void;
  onClose: () => void;
}

function previewText(plan: BulkPlan): string {
  if (plan.kind === 'change') return plan.summary;
  if (plan.kind === 'same') return `Nothing would change: ${plan.summary}`;
  return `Not changed: ${plan.reason}`;
}

/**
 * `Edit selected datasets`: one change for every selected dataset, a preview of what each one
 * becomes, then a PATCH per dataset in main (its own If-Match, merged when changed meanwhile)
 * and a row per dataset saying how it went.
 */
export function BulkEditDialogView({
  connectionId,
  datasets,
  onReview,
  onClose,
}: BulkEditDialogProps) {
  const styles = useStyles();
  const [values, setValues] = useState<BulkFormValues>(EMPTY_FORM);
  const [touched, setTouched] = useState<Partial<Record<FormField, boolean>>>({});
  const [showAll, setShowAll] = useState(false);
  const bulk = useBulkEdit(connectionId);
  const api = useApi();
  const queryClient = useQueryClient();
  // The edit as applied, without a SAS token: enough to put it in a form for review.
  const [applied, setApplied] = useState<BulkOperation | null>(null);
  // The versions the edit started from: the list reloads after a run, but a review needs these.
  const [bases, setBases] = useState<RedactedDataset[]>([]);
  const checked = checkBulkForm(values);
  const problem = (field: FormField) =>
    !checked.ok && (touched[field] || showAll) ? checked.problems[field] : undefined;

  const plans = checked.ok
    ? datasets.map((d) => ({
        name: d.name,
        plan: planBulkEdit(bulkFieldsOf(d), checked.operation),
      }))
    : [];
  const changing = plans.filter((p) => p.plan.kind === 'change').length;

  const progress = bulk.progress;
  const running = bulk.starting || progress?.state === 'running';

  // The button pressed goes away as a run starts and ends: focus moves to what replaces it,
  // so a keyboard user stays in the dialog (and Escape still closes it when done).
  const fieldsRef = useRef<HTMLDivElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const afterRef = useRef<HTMLButtonElement>(null);
  const focusStep = useRef<'toStop' | 'toResult' | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  useEffect(() => {
    if (focusInvalid > 0) {
      fieldsRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [focusInvalid]);
  useEffect(() => {
    // Once each: a user who tabs elsewhere during the run is not pulled back by progress.
    if (focusStep.current === 'toStop' && running) {
      stopRef.current?.focus();
      focusStep.current = 'toResult';
    } else if (focusStep.current !== null && !running && progress) {
      afterRef.current?.focus();
      focusStep.current = null;
    }
  }, [running, progress]);

  const set = <K extends keyof BulkFormValues>(key: K, value: BulkFormValues[K]) => {
    setValues((now) => ({ ...now, [key]: value }));
    if (key !== 'kind' && key !== 'auth') setTouched((now) => ({ ...now, [key]: true }));
  };

  const apply = () => {
    setShowAll(true);
    if (!checked.ok) {
      // After the render that marks the fields: the first one to fix gets the focus.
      setFocusInvalid((n) => n + 1);
      return;
    }
    if (changing === 0) return;
    focusStep.current = 'toStop';
    const operation = checked.operation;
    setBases(datasets);
    setApplied(
      operation.kind === 'setAuthentication' && operation.authentication.kind === 'sas'
        ? { kind: 'setAuthentication', authentication: { kind: 'sas', sasToken: '' } }
        : operation,
    );
    // The token goes to main once; the page keeps no copy (Retry failed reuses main's).
    setValues((now) => ({ ...now, sasToken: '' }));
    void bulk.run({
      connectionId,
      operation,
      datasets: datasets.map((d) => ({ name: d.name, base: d })),
    });
  };

  /** Opens the dataset with the edit unsaved in its form: Save then shows the Conflict dialog. */
  const review = (name: string) => {
    const base = bases.find((d) => d.name === name);
    onClose();
    onReview(name, async () => {
      if (base && applied) await draftForReview(api, queryClient, connectionId, base, applied);
    });
  };

  const field = (name: FormField, label: string, hint?: string, password = false) => (
    <Field
      label={label}
      validationMessage={problem(name)}
      hint={problem(name) ? undefined : hint}
      required={name !== 'propertyValue'}
    >
      <Input
        type={password ? 'password' : 'text'}
        value={values[name]}
        autoComplete="off"
        spellCheck={false}
        onChange={(_event, data) => set(name, data.value)}
      />
    </Field>
  );

  return (
    <Dialog
      open
      onOpenChange={(_event, data) => {
        if (!data.open && !running) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Edit selected datasets</DialogTitle>
          <DialogContent className={styles.content}>
            {!progress ? (
              <>
                <div className={styles.fields} ref={fieldsRef}>
                  <Field label="Change">
                    <Select
                      className={styles.select}
                      value={values.kind}
                      onChange={(_event, data) => set('kind', data.value as OperationKind)}
                    >
                      {(Object.keys(OPERATION_LABELS) as OperationKind[]).map((kind) => (
                        <option key={kind} value={kind}>
                          {OPERATION_LABELS[kind]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {values.kind === 'setProperty' || values.kind === 'removeProperty'
                    ? field('propertyName', 'Property name')
                    : null}
                  {values.kind === 'setProperty'
                    ? field('propertyValue', 'Property value', 'Text; may be empty.')
                    : null}
                  {values.kind === 'setAuthentication' ? (
                    <Field label="Storage authentication">
                      <Select
                        className={styles.select}
                        value={values.auth}
                        onChange={(_event, data) => set('auth', data.value as AuthChoice)}
                      >
                        <option value="sas">SAS token</option>
                        <option value="managedIdentity">Managed identity</option>
                        <option value="none">None</option>
                      </Select>
                    </Field>
                  ) : null}
                  {values.kind === 'setAuthentication' && values.auth === 'sas'
                    ? field(
                        'sasToken',
                        'SAS token',
                        'The part after "?"; sent to every selected dataset and not kept by this page.',
                        true,
                      )
                    : null}
                  {values.kind === 'addUri' || values.kind === 'removeUri'
                    ? field('uri', 'Annotation file URI')
                    : null}
                </div>
                <table className={styles.table}>
                  <caption className={styles.caption}>Preview</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.nameColumn}>
                        Dataset
                      </th>
                      <th scope="col">What would change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {datasets.map((d, index) => {
                      const plan = plans[index]?.plan;
                      return (
                        <tr key={d.name}>
                          <td>{d.name}</td>
                          <td
                            className={
                              !plan
                                ? styles.muted
                                : plan.kind === 'refused'
                                  ? styles.problem
                                  : plan.kind === 'same'
                                    ? styles.muted
                                    : undefined
                            }
                          >
                            {plan ? previewText(plan) : 'Fill in the change to see what it does.'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            ) : (
              <>
                <ProgressBar
                  value={progress.fraction}
                  thickness="large"
                  aria-label="Saving the selected datasets"
                />
                <table className={styles.table}>
                  <caption className={styles.caption}>Results</caption>
                  <thead>
                    <tr>
                      <th scope="col" className={styles.nameColumn}>
                        Dataset
                      </th>
                      <th scope="col" className={styles.outcomeColumn}>
                        Outcome
                      </th>
                      <th scope="col">Details</th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.rows.map((row) => (
                      <tr key={row.name}>
                        <td>{row.name}</td>
                        <td>
                          {OUTCOME_WORDS[row.outcome]}
                          {row.outcome === 'conflict' && !running ? (
                            <>
                              {' '}
                              <Button
                                size="small"
                                aria-label={`Review ${row.name}`}
                                onClick={() => review(row.name)}
                              >
                                Review
                              </Button>
                            </>
                          ) : null}
                        </td>
                        <td>{row.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {bulk.error ? (
              <ErrorAlert error={bulk.error} title="The selected datasets could not be edited" />
            ) : null}
          </DialogContent>
          <DialogActions fluid>
            <span role="status" className={styles.status}>
              {progress
                ? `${progress.finished} of ${plural(progress.total, 'dataset')} done${
                    progress.state === 'stopped' ? ' (stopped)' : ''
                  }`
                : checked.ok
                  ? `${plural(changing, 'dataset')} would change`
                  : ''}
            </span>
            {running ? (
              <Button ref={stopRef} onClick={() => void bulk.stop()}>
                Stop
              </Button>
            ) : progress ? (
              <>
                {progress.canRetry ? (
                  <Button
                    ref={progress.canRetry ? afterRef : undefined}
                    onClick={() => {
                      focusStep.current = 'toStop';
                      void bulk.run({ retryFailedOf: progress.runId });
                    }}
                  >
                    Retry failed
                  </Button>
                ) : null}
                <Button
                  ref={progress.canRetry ? undefined : afterRef}
                  appearance="primary"
                  onClick={onClose}
                >
                  Close
                </Button>
              </>
            ) : (
              <>
                <Button onClick={onClose}>Cancel</Button>
                <Button
                  appearance="primary"
                  disabled={checked.ok && changing === 0}
                  onClick={apply}
                >
                  Apply
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
