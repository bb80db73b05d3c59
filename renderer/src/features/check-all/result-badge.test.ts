import { describe, expect, it } from 'vitest';
import type {
  CheckAllOutcome,
  DatasetCheckResult,
} from '../../../../shared/storage/check-all-contract';
import { resultBadgeOf, runSummary } from './result-badge';

const row = (
  outcome: CheckAllOutcome,
  more: Partial<DatasetCheckResult> = {},
): DatasetCheckResult => ({
  name: `ds-${outcome}`,
  outcome,
  errorCount: 0,
  warningCount: 0,
  unreachableImages: 0,
  summary: '',
  fromCache: false,
  ...more,
});

describe('a row’s result of Check all datasets', () => {
  it('says what was found in a word or a count', () => {
    expect(resultBadgeOf(row('ok'))?.text).toBe('OK');
    expect(resultBadgeOf(row('errors', { errorCount: 3 }))?.text).toBe('3 errors');
    expect(resultBadgeOf(row('errors', { errorCount: 1 }))?.text).toBe('1 error');
    expect(resultBadgeOf(row('warnings', { warningCount: 2 }))?.text).toBe('2 warnings');
    expect(resultBadgeOf(row('unreachable'))?.text).toBe('Unreachable');
    expect(resultBadgeOf(row('notChecked'))?.text).toBe('Not checked');
    expect(resultBadgeOf(row('checking'))?.text).toBe('Checking…');
    expect(resultBadgeOf(row('cancelled'))?.text).toBe('Stopped');
    expect(resultBadgeOf(row('waiting'))).toBeUndefined();
  });

  it('sums a finished run up, and a stopped one with how far it got', () => {
    expect(
      runSummary(
        [row('ok', { fromCache: true }), row('ok'), row('errors'), row('notChecked')],
        false,
      ),
    ).toBe(
      'Checked 4 datasets: 2 OK, 1 with errors, 1 not checked. 1 dataset unchanged since last check.',
    );
    expect(runSummary([row('ok'), row('cancelled'), row('cancelled')], true)).toBe(
      'Stopped after 1 of 3 datasets: 1 OK, 2 stopped.',
    );
  });
});
