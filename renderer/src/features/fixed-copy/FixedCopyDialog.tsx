import { onDemand } from '../../components/common/on-demand';

export type { FixedCopyDialogProps } from './FixedCopyDialogView';

/** The `Create fixed copy` dialog (FixedCopyDialogView); rendered only while open, loaded on demand. */
export const FixedCopyDialog = onDemand('FixedCopyDialog', () =>
  import('./FixedCopyDialogView').then((m) => m.FixedCopyDialogView),
);
