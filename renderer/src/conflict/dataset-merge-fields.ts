import { sameJsonValue, diffDatasetFields } from '../../../shared/contract/dataset-diff';
import type { DatasetChanges } from '../../../shared/contract/dataset-diff';
import type { MergeFields } from '../../../shared/merge/merge-types';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { fieldsFromForm } from '../forms/dataset-form';
import type { DatasetFormValues } from '../forms/dataset-form';
import { authOfDataset, authOfForm, isTypedToken } from './merge-auth';
import type { MergeAuth } from './merge-auth';

export type DatasetMergeFields = MergeFields<MergeAuth>;

/*
 * Every side is given authentication and a property map, absent ones as "none" and `{}`, the
 * way the editor reads a dataset: otherwise a form that never touched them would count as a
 * change against a dataset that has neither.
 */

export function mergeFieldsOfDataset(dataset: RedactedDataset): DatasetMergeFields {
  return {
    annotationKind: dataset.annotationKind,
    annotationFileUris: [...dataset.annotationFileUris],
    authentication: authOfDataset(dataset),
    customProperties: { ...dataset.customProperties },
  };
}

/** The form as one side of the merge; `base` tells what an empty SAS token box keeps. */
export function mergeFieldsOfForm(
  values: DatasetFormValues,
  base: RedactedDataset,
  usesKeptSasToken = false,
): DatasetMergeFields {
  const fields = fieldsFromForm(values);
  return {
    annotationKind: fields.annotationKind,
    annotationFileUris: fields.annotationFileUris,
    authentication: authOfForm(values, base, usesKeptSasToken),
    customProperties: fields.customProperties ?? {},
  };
}

/**
 * What to PATCH so that `theirs` ends up holding `fields`: only what differs from theirs. A
 * typed token is sent from the form (an empty `typedToken` stands for the one kept with the
 * draft, which main fills in); a saved token the page never held cannot be sent, so where
 * `fields` keeps such a token theirs' authentication stays as it is.
 */
export function changesOver(
  theirs: RedactedDataset,
  fields: DatasetMergeFields,
  typedToken: string,
): DatasetChanges {
  const current = mergeFieldsOfDataset(theirs);
  const changes = diffDatasetFields(
    {
      annotationKind: current.annotationKind,
      annotationFileUris: current.annotationFileUris,
      customProperties: current.customProperties,
    },
    {
      annotationKind: fields.annotationKind,
      annotationFileUris: fields.annotationFileUris,
      customProperties: fields.customProperties ?? {},
    },
  );
  const auth = fields.authentication;
  if (auth && !sameJsonValue(auth, current.authentication)) {
    if (isTypedToken(auth)) {
      changes.authentication =
        typedToken !== '' ? { kind: 'sas', sasToken: typedToken } : { kind: 'sas' };
    } else if (auth.kind !== 'sas') changes.authentication = { kind: auth.kind };
  }
  return changes;
}
