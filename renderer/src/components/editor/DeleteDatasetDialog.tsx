import { onDemand } from '../common/on-demand';

export type { DeleteDatasetDialogProps } from './DeleteDatasetDialogView';

/** Delete, asked first (DeleteDatasetDialogView); rendered only while open, loaded on demand. */
export const DeleteDatasetDialog = onDemand('DeleteDatasetDialog', () =>
  import('./DeleteDatasetDialogView').then((m) => m.DeleteDatasetDialogView),
);
