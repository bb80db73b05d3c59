import { onDemand } from '../../components/common/on-demand';
import type { BulkEditDialogProps } from './BulkEditDialogView';

/** `Edit selected datasets`: loaded on demand, so the list's start code grows by this line. */
export const BulkEditDialog = onDemand<BulkEditDialogProps>('BulkEditDialog', () =>
  import('./BulkEditDialogView').then((m) => m.BulkEditDialogView),
);
