import { onDemand } from '../common/on-demand';

export type { DatasetGoneDialogProps } from './DatasetGoneDialogView';

/** The save found no dataset (DatasetGoneDialogView); rendered only while open, loaded on demand. */
export const DatasetGoneDialog = onDemand('DatasetGoneDialog', () =>
  import('./DatasetGoneDialogView').then((m) => m.DatasetGoneDialogView),
);
