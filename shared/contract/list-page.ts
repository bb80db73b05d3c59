import { z } from 'zod';
import { DatasetSchema } from './dataset';

export const DatasetListPageSchema = z.object({
  value: z.array(DatasetSchema),
  /** Absolute; present only when more datasets follow. */
  nextLink: z.url({ protocol: /^https?$/, error: 'nextLink must be an absolute URL.' }).optional(),
});

export type DatasetListPage = z.infer<typeof DatasetListPageSchema>;
