import { onDemand } from '../../components/common/on-demand';
import type { HistoryPanelProps } from './HistoryPanel';

/** The History tab's code loads when the page is idle, not with the editor. */
export const HistoryPanelOnDemand = onDemand<HistoryPanelProps>('HistoryPanel', () =>
  import('./HistoryPanel').then((m) => m.HistoryPanel),
);
