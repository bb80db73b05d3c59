import { onDemand } from '../common/on-demand';

export type { ConflictDialogProps } from './ConflictDialogView';

/**
 * After a 412: the merge of yours and theirs (ConflictDialogView). Rendered only while open;
 * its code, the merge table with it, loads on demand.
 */
export const ConflictDialog = onDemand('ConflictDialog', () =>
  import('./ConflictDialogView').then((m) => m.ConflictDialogView),
);
