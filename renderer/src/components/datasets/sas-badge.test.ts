import { describe, expect, it } from 'vitest';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { sasInsight } from '../../../../shared/storage/sas-insight';
import { sasBadgeOf } from './sas-badge';

const now = new Date('2026-12-01T12:00:00Z');

function withToken(se: string | undefined, kind: 'sas' | 'none' = 'sas'): RedactedDataset {
  const token = `sv=2022-11-02&sr=c&sp=rl${se ? `&se=${se}` : ''}&sig=abc`;
  return {
    name: 'd',
    annotationKind: 'imageClassification',
    annotationFileUris: [],
    createdDateTime: '2026-01-01T00:00:00Z',
    updatedDateTime: '2026-01-01T00:00:00Z',
    eTag: '"1"',
    authentication: { kind, hasSasToken: true, sasInsight: sasInsight(token) },
  };
}

describe('sasBadgeOf', () => {
  it('marks an expired token and one expiring within 7 days', () => {
    expect(sasBadgeOf(withToken('2026-11-30T00:00:00Z'), now)).toBe('SAS expired');
    expect(sasBadgeOf(withToken('2026-12-08T00:00:00Z'), now)).toBe('SAS expires soon');
  });

  it('leaves alone a token with time left, one without expiry, and a dataset not using SAS', () => {
    expect(sasBadgeOf(withToken('2026-12-09T00:00:00Z'), now)).toBeUndefined();
    expect(sasBadgeOf(withToken(undefined), now)).toBeUndefined();
    expect(sasBadgeOf(withToken('2026-11-30T00:00:00Z', 'none'), now)).toBeUndefined();
    expect(sasBadgeOf({ ...withToken(undefined), authentication: undefined }, now)).toBeUndefined();
  });
});
