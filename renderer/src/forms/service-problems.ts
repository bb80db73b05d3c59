import type { FieldPath, UseFormSetError } from 'react-hook-form';
import type { AppError } from '../../../shared/ipc/errors';
import { formFieldOfServiceField } from './dataset-form';
import type { DatasetFormValues } from './dataset-form';

/** A 400's per-field details go next to the fields they name, as the form's own messages do. */
export function showServiceProblems(
  setError: UseFormSetError<DatasetFormValues>,
  error: AppError,
): void {
  for (const detail of error.details ?? []) {
    const field = formFieldOfServiceField(detail.field);
    if (field) {
      setError(field as FieldPath<DatasetFormValues>, { type: 'server', message: detail.message });
    }
  }
}
