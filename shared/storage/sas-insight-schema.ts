import { z } from 'zod';
import type { SasInsight } from './sas-insight';

/** SasInsight (sas-insight.ts) as the IPC contract checks it: strict, and bounded. */
export const SasInsightSchema = z
  .object({
    expiresAt: z.iso.datetime().optional(),
    startsAt: z.iso.datetime().optional(),
    permissions: z
      .string()
      .regex(/^[a-z]{1,32}$/i)
      .optional(),
    canRead: z.boolean(),
    canList: z.boolean(),
    resource: z.string().max(100).optional(),
    protocol: z.enum(['https', 'https,http']).optional(),
    valid: z.boolean(),
    problems: z.array(z.string().max(300)).max(20),
  })
  .strict() satisfies z.ZodType<SasInsight>;
