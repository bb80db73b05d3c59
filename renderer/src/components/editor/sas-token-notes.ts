import { describeExpiry, sasInsight } from '../../../../shared/storage/sas-insight';
import type { ExpiryDescription, SasInsight } from '../../../../shared/storage/sas-insight';

export const READ_WARNING = 'The service needs read (r) permission to read the files.';
export const LIST_WARNING = 'Browse files needs list (l) permission.';
export const EXPIRED_WARNING =
  'This SAS token has expired: generate a new token in the Azure portal and paste it here.';

export interface SasTokenNotes {
  expiry: ExpiryDescription;
  /** The expiry instant, for a tooltip with the exact local time. */
  expiresAt?: string;
  /** What stops the token from working, or from working everywhere, most pressing first. */
  warnings: string[];
}

/**
 * The token the editor describes: one being typed wins (read in the page, which has it
 * anyway); else the saved one, as main described it. A token kept with a draft lives in main
 * only, undescribed, so nothing is said about it rather than something about the saved one.
 */
export function shownSasInsight(
  typedToken: string,
  savedInsight: SasInsight | undefined,
  keptSasToken: boolean,
): SasInsight | undefined {
  if (typedToken.trim() !== '') return sasInsight(typedToken);
  return keptSasToken ? undefined : savedInsight;
}

/** `formatTime` shows an instant to the user (the page's local-time format). */
export function sasTokenNotes(
  insight: SasInsight,
  now: Date,
  formatTime: (iso: string) => string,
): SasTokenNotes {
  const expiry = describeExpiry(insight, now);
  const warnings: string[] = [];
  if (expiry.state === 'expired') warnings.push(EXPIRED_WARNING);
  if (insight.startsAt && new Date(insight.startsAt) > now) {
    warnings.push(`This SAS token is not valid yet: it starts ${formatTime(insight.startsAt)}.`);
  }
  // Without readable permissions the token's own problem says so; no need to repeat it.
  if (insight.permissions !== undefined) {
    if (!insight.canRead) warnings.push(READ_WARNING);
    if (!insight.canList) warnings.push(LIST_WARNING);
  }
  warnings.push(...insight.problems);
  return { expiry, ...(insight.expiresAt ? { expiresAt: insight.expiresAt } : {}), warnings };
}
