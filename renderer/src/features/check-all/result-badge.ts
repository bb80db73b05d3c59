import type { DatasetCheckResult } from '../../../../shared/storage/check-all-contract';
import { plural } from '../../format/labels';

export type BadgeColor = 'success' | 'warning' | 'danger' | 'severe' | 'informative' | 'subtle';

export interface ResultBadge {
  text: string;
  color: BadgeColor;
}

/** What a row of the list shows for its dataset's result; nothing while it waits its turn. */
export function resultBadgeOf(result: DatasetCheckResult): ResultBadge | undefined {
  switch (result.outcome) {
    case 'waiting':
      return undefined;
    case 'checking':
      return { text: 'Checking…', color: 'informative' };
    case 'ok':
      return { text: 'OK', color: 'success' };
    case 'warnings':
      return { text: plural(result.warningCount, 'warning'), color: 'warning' };
    case 'errors':
      return { text: plural(result.errorCount, 'error'), color: 'danger' };
    case 'unreachable':
      return { text: 'Unreachable', color: 'severe' };
    case 'cancelled':
      return { text: 'Stopped', color: 'subtle' };
    case 'notChecked':
      return { text: 'Not checked', color: 'subtle' };
  }
}

/** The run's result in one sentence, for the status line once it is over. */
export function runSummary(datasets: readonly DatasetCheckResult[], stopped: boolean): string {
  const count = (outcome: DatasetCheckResult['outcome']) =>
    datasets.filter((d) => d.outcome === outcome).length;
  const parts = [
    [count('ok'), 'OK'],
    [count('warnings'), 'with warnings'],
    [count('errors'), 'with errors'],
    [count('unreachable'), 'unreachable'],
    [count('notChecked'), 'not checked'],
    [count('cancelled'), 'stopped'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${(n as number).toLocaleString()} ${what as string}`);
  const cached = datasets.filter((d) => d.fromCache).length;
  const kept = cached > 0 ? ` ${plural(cached, 'dataset')} unchanged since last check.` : '';
  const done = datasets.length - count('cancelled') - count('waiting') - count('checking');
  const head = stopped
    ? `Stopped after ${done.toLocaleString()} of ${plural(datasets.length, 'dataset')}`
    : `Checked ${plural(datasets.length, 'dataset')}`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}.${kept}` : `${head}.`;
}
