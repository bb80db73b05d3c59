import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the offending property, e.g. "annotationFileUris.3"; empty for the body itself. */
  field: string;
  message: string;
}

/** Turns a zod failure into one line per field, the shape a 400's details and a form both need. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      // Name the property itself, so a form or a 400's target points at it.
      const first = issue.keys[0];
      return {
        field:
          issue.keys.length === 1 && first !== undefined ? [...issue.path, first].join('.') : field,
        message: `Unknown ${issue.keys.length === 1 ? 'property' : 'properties'} ${keys}.`,
      };
    }
    return { field, message: issue.message };
  });
}
