import { z } from 'zod';
import { APP_ERROR_KINDS } from './errors';
import type { AppError } from './errors';

/** What every failure crossing to the page must look like (the fuzz test holds main to it). */
export const AppErrorSchema = z.object({
  kind: z.enum(APP_ERROR_KINDS),
  message: z.string(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().optional(),
}) satisfies z.ZodType<AppError>;
