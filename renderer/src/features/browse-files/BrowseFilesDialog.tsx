import { onDemand } from '../../components/common/on-demand';

export type { BrowseFilesDialogProps } from './BrowseFilesDialogView';

/** `Browse files` (BrowseFilesDialogView); rendered only while open, its code loaded on demand. */
export const BrowseFilesDialog = onDemand('BrowseFilesDialog', () =>
  import('./BrowseFilesDialogView').then((m) => m.BrowseFilesDialogView),
);
