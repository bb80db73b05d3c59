import { onDemand } from '../common/on-demand';

export type { ConnectionDialogProps } from './ConnectionDialogView';

/** Add or edit a connection (ConnectionDialogView); rendered only while open, loaded on demand. */
export const ConnectionDialog = onDemand('ConnectionDialog', () =>
  import('./ConnectionDialogView').then((m) => m.ConnectionDialogView),
);
