import { z } from 'zod';
import { AUTHENTICATION_KINDS, DatasetSchema } from './dataset';
import type { Dataset } from './dataset';
import { sasInsight } from '../storage/sas-insight';
import { SasInsightSchema } from '../storage/sas-insight-schema';

/**
 * A dataset as the page sees it. The SAS token stays in main: the page learns only that one
 * is set, a fingerprint that changes when the token does (so a merge can tell), and what the
 * token says about itself (expiry, permissions), which grants nothing.
 */
export const RedactedAuthenticationSchema = z.object({
  kind: z.enum(AUTHENTICATION_KINDS),
  hasSasToken: z.boolean(),
  sasTokenFingerprint: z.string().optional(),
  sasInsight: SasInsightSchema.optional(),
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
      ...(token !== undefined
        ? { sasTokenFingerprint: fingerprint(token), sasInsight: sasInsight(token) }
        : {}),
    },
  };
}
