import type { QueryClient } from '@tanstack/react-query';
import type { BulkOperation } from '../../../../shared/bulk-edit/bulk-edit-contract';
import { bulkFieldsOf, planBulkEdit } from '../../../../shared/bulk-edit/plan-bulk-edit';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import type { DatasetManagerApi } from '../../../../shared/ipc/contract';
import { draftValuesOf } from '../../drafts/draft-values';
import type { RestoredDraft } from '../../drafts/draft-values';
import type { RestoredDrafts } from '../../drafts/restored-drafts';
import { toFormValues } from '../../forms/dataset-form';
import { queryKeys } from '../../query/query-keys';

/**
 * A conflict left for review becomes a draft: the listed version as its base (its eTag guards
 * the save) and the form with the edit applied, so opening the dataset shows the edit unsaved
 * and Save meets the 412 and the usual Conflict dialog. A new SAS token is not in it: the page
 * never kept it, so the SAS box is empty and the user types the token again.
 */
export async function draftForReview(
  api: DatasetManagerApi,
  queryClient: QueryClient,
  connectionId: string,
  base: RedactedDataset,
  operation: BulkOperation,
): Promise<void> {
  const plan = planBulkEdit(bulkFieldsOf(base), operation);
  if (plan.kind !== 'change') return;
  const values = {
    ...toFormValues(base),
    ...toFormValues({
      ...base,
      annotationFileUris: plan.fields.annotationFileUris,
      customProperties: plan.fields.customProperties ?? {},
    }),
    authKind: plan.fields.authentication?.kind ?? 'none',
  };
  const ref = { connectionId, datasetName: base.name };
  const saved = await api.saveDraft({ ...ref, base, values: draftValuesOf(values) });
  if (!saved.ok) return;
  const draft: RestoredDraft = { ...ref, base, values, hasSasToken: false };
  queryClient.setQueryData<RestoredDrafts>(queryKeys.restoredDrafts, (now) => ({
    unreadable: now?.unreadable ?? [],
    drafts: [
      ...(now?.drafts ?? []).filter(
        (d) => !(d.connectionId === connectionId && d.datasetName === base.name),
      ),
      draft,
    ],
  }));
}
