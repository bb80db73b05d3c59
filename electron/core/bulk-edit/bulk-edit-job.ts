import type {
  BulkOperation,
  BulkProgress,
  BulkRow,
} from '../../../shared/bulk-edit/bulk-edit-contract';
import { isFinishedOutcome } from '../../../shared/bulk-edit/bulk-edit-contract';
import { bulkFieldsOf, planBulkEdit } from '../../../shared/bulk-edit/plan-bulk-edit';
import type { BulkFields } from '../../../shared/bulk-edit/plan-bulk-edit';
import type { Dataset, StorageAuthentication } from '../../../shared/contract/dataset';
import { sameJsonValue } from '../../../shared/contract/dataset-diff';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { AppError } from '../../../shared/ipc/errors';
import { fieldLabel } from '../../../shared/merge/field-ids';
import { merge3 } from '../../../shared/merge/merge3';
import type { DatasetsClient } from '../datasets/client';
import type { PolledJob } from '../storage/check-registry';
import { createChangeSignal } from '../storage/change-signal';

/** PATCHes in flight at once: enough to hide the service's latency, few enough not to be throttled. */
export const BULK_EDIT_CONCURRENCY = 6;

/** Times a dataset changed under us is merged again before it is given up on. */
const MERGE_ATTEMPTS = 3;

export interface BulkTarget {
  name: string;
  /** As the page listed it; absent: read it now (a retry starts from the current version). */
  base?: RedactedDataset;
}

export interface BulkJobInput {
  runId: string;
  operation: BulkOperation;
  targets: readonly BulkTarget[];
  client: DatasetsClient;
  /** The same fingerprint the page's datasets carry, so a listed token compares with a read one. */
  fingerprint: (sasToken: string) => string;
  redact: (dataset: Dataset) => RedactedDataset;
  concurrency?: number;
  onUnexpected?: (error: unknown) => void;
  /** Each version the job saw: one it saved, or theirs read after a 412 (for History). */
  onVersion?: (source: 'saved' | 'theirs', dataset: Dataset) => void;
}

export interface BulkJob extends PolledJob<BulkProgress> {
  readonly operation: BulkOperation;
  /** The names whose row failed, to run again. */
  failedNames(): string[];
}

type Settled = Omit<BulkRow, 'name'>;

const settled = (outcome: BulkRow['outcome'], reason: string): Settled => ({ outcome, reason });

function failedFrom(error: AppError, what: string): Settled {
  if (error.kind === 'notFound') {
    return settled('failed', 'Deleted meanwhile: the dataset no longer exists on the service.');
  }
  return settled('failed', `${what} ${error.message}`.trim());
}

/**
 * The PATCH body that turns `from` into `to`. Authentication crosses as the comparable shape;
 * when it is the edit's own, the real one (with the new token) goes out instead.
 */
function changesBetween(
  from: BulkFields,
  to: BulkFields,
  operation: BulkOperation,
): DatasetChanges | 'needsOldAuthentication' {
  const changes: DatasetChanges = {};
  if (from.annotationKind !== to.annotationKind) changes.annotationKind = to.annotationKind;
  if (!sameJsonValue(from.annotationFileUris, to.annotationFileUris)) {
    changes.annotationFileUris = [...to.annotationFileUris];
  }
  if (!sameJsonValue(from.customProperties ?? {}, to.customProperties ?? {})) {
    changes.customProperties = { ...(to.customProperties ?? {}) };
  }
  if (!sameJsonValue(from.authentication, to.authentication)) {
    // Only the edit brings an authentication this job can send: any other would be a token it
    // never had (a merge keeps theirs, which needs no sending).
    if (operation.kind !== 'setAuthentication') return 'needsOldAuthentication';
    changes.authentication = operation.authentication as StorageAuthentication;
  }
  return changes;
}

const isEmpty = (changes: DatasetChanges) => Object.keys(changes).length === 0;

/**
 * One dataset: PATCH from the listed version with its eTag; on 412, a three-way merge with
 * the current version (base: listed, mine: listed + edit, theirs: current) and, if nothing
 * conflicts, a PATCH with the current eTag. A lost answer is settled by the client the way a
 * single save is (it reads the dataset again and replays only what cannot apply twice), so a
 * PATCH is never applied twice.
 */
async function editOne(
  input: BulkJobInput,
  target: BulkTarget,
  mayStart: () => boolean,
): Promise<Settled> {
  const { client, operation } = input;
  let base = target.base;
  if (!base) {
    const read = await client.getDataset(target.name);
    if (!read.ok) return failedFrom(read.error, 'It could not be read:');
    base = input.redact(read.value);
  }
  const newTokenFingerprint =
    operation.kind === 'setAuthentication' && operation.authentication.kind === 'sas'
      ? input.fingerprint(operation.authentication.sasToken)
      : undefined;
  const baseFields = bulkFieldsOf(base);
  const plan = planBulkEdit(baseFields, operation, newTokenFingerprint);
  if (plan.kind === 'refused') return settled('failed', plan.reason);
  if (plan.kind === 'same') return settled('unchanged', plan.summary);
  const first = changesBetween(baseFields, plan.fields, operation);
  if (first === 'needsOldAuthentication') return settled('failed', 'Internal: unexpected change.');
  if (!mayStart()) return settled('stopped', 'Stopped before this dataset was saved.');

  const saved = await client.updateDataset(target.name, first, { ifMatch: base.eTag });
  if (saved.ok) {
    input.onVersion?.('saved', saved.value);
    return settled('saved', plan.summary);
  }
  if (saved.error.kind !== 'conflict') return failedFrom(saved.error, '');

  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    const current = await client.getDataset(target.name);
    if (!current.ok)
      return failedFrom(current.error, 'Changed meanwhile, and could not be read again:');
    input.onVersion?.('theirs', current.value);
    const theirs = bulkFieldsOf(input.redact(current.value));
    const merged = merge3(baseFields, plan.fields, theirs);
    if (merged.conflicts.length > 0) {
      const fields = merged.conflicts.map(fieldLabel).join(', ');
      return settled(
        'conflict',
        `Someone else changed ${fields} differently meanwhile; nothing was saved. Review it in the editor.`,
      );
    }
    const changes = changesBetween(theirs, merged.result, operation);
    if (changes === 'needsOldAuthentication') {
      return settled(
        'conflict',
        'Changed meanwhile in a way only you can merge; nothing was saved.',
      );
    }
    if (isEmpty(changes)) {
      return settled(
        'unchanged',
        'Changed meanwhile, and it already holds this edit; nothing was sent.',
      );
    }
    if (!mayStart())
      return settled('stopped', 'Changed meanwhile; stopped before the merge was saved.');
    const again = await client.updateDataset(target.name, changes, { ifMatch: current.value.eTag });
    if (again.ok) input.onVersion?.('saved', again.value);
    if (again.ok) return settled('merged', `${plan.summary} Someone else's changes were kept.`);
    if (again.error.kind !== 'conflict') return failedFrom(again.error, '');
  }
  return settled('failed', 'It kept changing while being merged; use Retry failed.');
}

/** Runs the edit over the targets, a few at a time, as a job the check registry can poll. */
export function startBulkEdit(input: BulkJobInput): BulkJob {
  const rows: BulkRow[] = input.targets.map((t) => ({
    name: t.name,
    outcome: 'waiting',
    reason: '',
  }));
  let stopping = false;
  let state: BulkProgress['state'] = 'running';
  const updates = createChangeSignal();
  const touch = updates.touch;

  let next = 0;
  async function worker() {
    while (next < rows.length) {
      const index = next++;
      const row = rows[index]!;
      if (stopping) {
        rows[index] = { ...row, ...settled('stopped', 'Stopped before this dataset was saved.') };
        touch();
        continue;
      }
      rows[index] = { ...row, outcome: 'saving', reason: '' };
      touch();
      let outcome: Settled;
      try {
        outcome = await editOne(input, input.targets[index]!, () => !stopping);
      } catch (error) {
        input.onUnexpected?.(error);
        outcome = settled(
          'failed',
          'An unexpected error stopped this dataset; nothing more was sent.',
        );
      }
      rows[index] = { name: row.name, ...outcome };
      touch();
    }
  }

  const workers = Math.max(1, Math.min(input.concurrency ?? BULK_EDIT_CONCURRENCY, rows.length));
  const done = Promise.all(Array.from({ length: workers }, worker)).then(() => {
    state = stopping ? 'stopped' : 'done';
    touch();
  });

  return {
    checkId: input.runId,
    operation: input.operation,
    get version() {
      return updates.version;
    },
    get finished() {
      return state !== 'running';
    },
    snapshot(): BulkProgress {
      const finished = rows.filter((r) => isFinishedOutcome(r.outcome)).length;
      return {
        runId: input.runId,
        state,
        total: rows.length,
        finished,
        fraction: rows.length === 0 ? 1 : finished / rows.length,
        rows: rows.map((r) => ({ ...r })),
        canRetry: state !== 'running' && rows.some((r) => r.outcome === 'failed'),
      };
    },
    changedSince: updates.changedSince,
    cancel() {
      if (state !== 'running') return;
      stopping = true;
      touch();
    },
    settled: done,
    failedNames: () => rows.filter((r) => r.outcome === 'failed').map((r) => r.name),
  };
}
