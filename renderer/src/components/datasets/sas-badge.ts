import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { describeExpiry } from '../../../../shared/storage/sas-insight';

export type SasBadge = 'SAS expired' | 'SAS expires soon';

/** The badge a row shows when the dataset's saved SAS token has expired or expires within 7 days. */
export function sasBadgeOf(dataset: RedactedDataset, now: Date): SasBadge | undefined {
  const auth = dataset.authentication;
  if (auth?.kind !== 'sas' || !auth.sasInsight) return undefined;
  const { state } = describeExpiry(auth.sasInsight, now);
  if (state === 'expired') return 'SAS expired';
  if (state === 'soon') return 'SAS expires soon';
  return undefined;
}
