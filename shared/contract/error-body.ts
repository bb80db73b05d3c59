import { z } from 'zod';

export interface InnerError {
  code: string;
  message: string;
  innererror?: InnerError;
}

export interface ErrorDetails {
  code: string;
  message: string;
  target?: string;
  details?: ErrorDetails[];
  innererror?: InnerError;
}

export const InnerErrorSchema: z.ZodType<InnerError> = z.lazy(() =>
  z.object({
    code: z.string(),
    message: z.string(),
    innererror: InnerErrorSchema.optional(),
  }),
);

export const ErrorDetailsSchema: z.ZodType<ErrorDetails> = z.lazy(() =>
  z.object({
    code: z.string(),
    message: z.string(),
    target: z.string().optional(),
    details: z.array(ErrorDetailsSchema).optional(),
    innererror: InnerErrorSchema.optional(),
  }),
);

export const ErrorBodySchema = z.object({ error: ErrorDetailsSchema });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
