import { z } from 'zod';
import { AUTHENTICATION_KINDS, DatasetSchema } from './dataset';
import type { Dataset } from './dataset';

/**
 * A dataset as the page sees it. The SAS token stays in main: the page learns only that one
 * is set and a fingerprint that changes when the token does (so a merge can tell).
 */
export const RedactedAuthenticationSchema = z.object({
  kind: z.enum(AUTHENTICATION_KINDS),
  hasSasToken: z.boolean(),
  sasTokenFingerprint: z.string().optional(),
});

export const RedactedDatasetSchema = DatasetSchema.omit({ authentication: true }).extend({
  authentication: RedactedAuthenticationSchema.optional(),
});

export type RedactedAuthentication = z.infer<typeof RedactedAuthenticationSchema>;
export type RedactedDataset = z.infer<typeof RedactedDatasetSchema>;

export function redactDataset(
  dataset: Dataset,
  fingerprint: (sasToken: string) => string,
): RedactedDataset {
  const { authentication, ...rest } = dataset;
  if (!authentication) return rest;
  const token = authentication.sasToken;
  return {
    ...rest,
    authentication: {
      kind: authentication.kind,
      hasSasToken: token !== undefined,
      ...(token !== undefined ? { sasTokenFingerprint: fingerprint(token) } : {}),
    },
  };
}
