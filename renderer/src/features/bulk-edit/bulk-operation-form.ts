import { BulkOperationSchema } from '../../../../shared/bulk-edit/bulk-edit-contract';
import type { BulkOperation } from '../../../../shared/bulk-edit/bulk-edit-contract';

export type OperationKind = BulkOperation['kind'];
export type AuthChoice = 'none' | 'sas' | 'managedIdentity';

export const OPERATION_LABELS: Record<OperationKind, string> = {
  setProperty: 'Set a custom property',
  removeProperty: 'Remove a custom property',
  setAuthentication: 'Replace the storage authentication',
  addUri: 'Add an annotation file URI',
  removeUri: 'Remove an annotation file URI',
};

export interface BulkFormValues {
  kind: OperationKind;
  propertyName: string;
  propertyValue: string;
  auth: AuthChoice;
  sasToken: string;
  uri: string;
}

export const EMPTY_FORM: BulkFormValues = {
  kind: 'setProperty',
  propertyName: '',
  propertyValue: '',
  auth: 'sas',
  sasToken: '',
  uri: '',
};

export type FormField = 'propertyName' | 'propertyValue' | 'sasToken' | 'uri';

export type CheckedForm =
  | { ok: true; operation: BulkOperation }
  | { ok: false; problems: Partial<Record<FormField, string>> };

const FIELD_OF_PATH: Record<string, FormField> = {
  name: 'propertyName',
  value: 'propertyValue',
  authentication: 'sasToken',
  uri: 'uri',
};

/** The form as an operation, checked by the same schema main checks the request with. */
export function checkBulkForm(values: BulkFormValues): CheckedForm {
  const raw =
    values.kind === 'setProperty'
      ? { kind: values.kind, name: values.propertyName, value: values.propertyValue }
      : values.kind === 'removeProperty'
        ? { kind: values.kind, name: values.propertyName }
        : values.kind === 'setAuthentication'
          ? {
              kind: values.kind,
              authentication:
                values.auth === 'sas'
                  ? { kind: 'sas', sasToken: values.sasToken }
                  : { kind: values.auth },
            }
          : { kind: values.kind, uri: values.uri };
  const parsed = BulkOperationSchema.safeParse(raw);
  if (parsed.success) return { ok: true, operation: parsed.data };
  const problems: Partial<Record<FormField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[String(issue.path[0])];
    if (field && problems[field] === undefined) problems[field] = issue.message;
  }
  return { ok: false, problems };
}
