import type { z } from 'zod';

/** The first thing a shared schema says about a value, in the words the schema uses. */
export function firstProblem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return undefined;
  // A record reports a bad key as "invalid_key" around the key schema's own message.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

/** Only the problems a list schema has with the list itself (its length), not with its items. */
export function listProblem(schema: z.ZodType, value: unknown[]): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path.length === 0)?.message;
}
