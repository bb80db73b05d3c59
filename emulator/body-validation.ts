import type { z } from 'zod';
import type { ErrorDetails } from '../shared/contract/error-body';
import {
  DatasetNameSchema,
  RegisterBodySchema,
  UpdateBodySchema,
} from '../shared/contract/dataset';
import type { DatasetFields } from '../shared/contract/dataset';
import { fieldProblems } from '../shared/contract/issues';
import { ApiError } from './api-error';
import type { ErrorCode } from './api-error';

/** One entry of a 400's details; the code is one of the emulator's. */
type FieldDetail = ErrorDetails & { code: ErrorCode };

/** Problems with the annotation file list get the one field code the contract documents. */
function codeFor(target: string): ErrorCode {
  return target === 'annotationFileUris' || target.startsWith('annotationFileUris.')
    ? 'DatasetInvalidAnnotationUri'
    : 'InvalidArgument';
}

/** One detail per problem; fieldProblems already names an unknown property itself. */
function detailsOf(error: z.ZodError): FieldDetail[] {
  return fieldProblems(error).map((problem) => {
    const target = problem.field;
    return {
      code: codeFor(target),
      message: problem.message,
      ...(target !== '' ? { target } : {}),
    };
  });
}

/** A 400 whose code and target are those of the first problem and whose details list them all. */
function throwInvalid(what: string, details: FieldDetail[]): never {
  const first = details[0]!;
  const more =
    details.length > 1 ? ` (and ${details.length - 1} more problem(s), see details)` : '';
  const where = first.target !== undefined ? `${first.target}: ` : '';
  throw new ApiError(400, first.code, `${what} ${where}${first.message}${more}`, {
    target: first.target ?? 'body',
    details,
  });
}

export function validateDatasetName(name: string): string {
  const result = DatasetNameSchema.safeParse(name);
  if (result.success) return result.data;
  const details = fieldProblems(result.error).map((problem): FieldDetail => ({
    code: 'InvalidArgument',
    message: problem.message,
    target: 'name',
  }));
  throwInvalid('The dataset name in the path is invalid.', details);
}

/** Read-only properties may be echoed back, but a name naming another dataset is a mistake. */
function checkEchoedName(bodyName: string | undefined, pathName: string): void {
  if (bodyName === undefined || bodyName === pathName) return;
  throwInvalid('The request body is invalid.', [
    {
      code: 'InvalidArgument',
      message: `The name in the body ("${bodyName}") differs from the name in the path ("${pathName}"); the name cannot be changed.`,
      target: 'name',
    },
  ]);
}

export function validateRegisterBody(
  body: Record<string, unknown>,
  pathName: string,
): DatasetFields {
  const result = RegisterBodySchema.safeParse(body);
  if (!result.success) throwInvalid('The request body is invalid.', detailsOf(result.error));
  const { name, annotationKind, annotationFileUris, authentication, customProperties } =
    result.data;
  checkEchoedName(name, pathName);
  return { annotationKind, annotationFileUris, authentication, customProperties };
}

export function validateUpdateBody(
  body: Record<string, unknown>,
  pathName: string,
): Partial<DatasetFields> {
  const result = UpdateBodySchema.safeParse(body);
  if (!result.success) throwInvalid('The request body is invalid.', detailsOf(result.error));
  const { name, annotationKind, annotationFileUris, authentication, customProperties } =
    result.data;
  checkEchoedName(name, pathName);
  return { annotationKind, annotationFileUris, authentication, customProperties };
}
