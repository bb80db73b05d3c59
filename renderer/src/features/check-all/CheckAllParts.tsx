import { onDemand } from '../../components/common/on-demand';
import type { CheckAllResultProps, CheckAllToolsProps } from './CheckAllViews';

/*
 * What the datasets list shows of `Check all datasets`: loaded on demand, so the list's own
 * code at start grows by these few lines only.
 */

const views = () => import('./CheckAllViews');

export const CheckAllTools = onDemand<CheckAllToolsProps>('CheckAllTools', () =>
  views().then((m) => m.CheckAllToolsView),
);

export const CheckAllResult = onDemand<CheckAllResultProps>('CheckAllResult', () =>
  views().then((m) => m.CheckAllResultView),
);
