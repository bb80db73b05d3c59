import type { Dataset } from '../../../shared/contract/dataset';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { StorageAccess, StorageProblem } from '../../../shared/storage/check-contract';
import { parseBlobUrl, signedUrl } from './blob-url';
import type { BlobLocation } from './blob-url';

/**
 * The access a read goes out with, resolved in main from what the page chose: a token the page
 * typed, the dataset's saved token (fetched from the service), the one kept with a draft, none,
 * or a managed identity (which the app cannot use: only a token typed for the check reads).
 * Lives in memory for one browse or one check, and is never handed back.
 */
export interface ResolvedAccess {
  sasToken?: string;
  /**
   * The storage accounts (`BlobLocation.accountUrl`) a kept token may go to: those the saved
   * dataset or the draft names. Undefined for a token the page typed: the page has it anyway.
   */
  tokenAccounts?: ReadonlySet<string>;
  /** Where the token comes from, for the words of a refusal. */
  source: 'typed' | 'saved' | 'draft' | 'checkToken' | 'none';
  /** Set when nothing can be read: a managed identity without a token typed for the check. */
  unreadable?: StorageProblem;
}

export interface AccessOwner {
  connectionId: string;
  datasetName: string | null;
}

export interface AccessLookups {
  /** The dataset as the service has it, read with the connection's credentials. */
  savedDataset(name: string): Promise<Result<Dataset>>;
  draft(owner: AccessOwner): DraftSummary | undefined;
  /** The token kept with the draft, if it may go where the connection points. */
  draftToken(owner: AccessOwner): Promise<Result<string>>;
}

export const MANAGED_IDENTITY_NOTICE =
  'The service reads these files with its own managed identity, which this app cannot use. To check them here, type a SAS token with Read (r) permission for this check; it is kept in memory for this check only and is not saved.';

export const managedIdentityProblem: StorageProblem = {
  code: 'managedIdentityNeedsSas',
  message: MANAGED_IDENTITY_NOTICE,
};

function accountsOf(uris: Iterable<string>): Set<string> {
  const accounts = new Set<string>();
  for (const uri of uris) {
    const parsed = parseBlobUrl(uri);
    if (parsed.ok) accounts.add(parsed.value.accountUrl);
  }
  return accounts;
}

/** Every string in the draft's form values (URI rows wherever the form keeps them). */
function stringsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || depth > 8) return [];
  return Object.values(value).flatMap((inner) => stringsIn(inner, depth + 1));
}

const storageFailure = (message: string) =>
  fail<ResolvedAccess>({ kind: 'storage', code: 'other', message });

export async function resolveAccess(
  access: StorageAccess,
  owner: AccessOwner,
  lookups: AccessLookups,
): Promise<Result<ResolvedAccess>> {
  switch (access.kind) {
    case 'none':
      return ok({ source: 'none' });
    case 'managedIdentity':
      return access.checkSasToken
        ? ok({ sasToken: access.checkSasToken, source: 'checkToken' })
        : ok({ source: 'none', unreadable: managedIdentityProblem });
    case 'sas':
      break;
  }
  if (access.source === 'typed') {
    return access.sasToken
      ? ok({ sasToken: access.sasToken, source: 'typed' })
      : storageFailure('Type the SAS token.');
  }
  if (access.source === 'saved') {
    if (owner.datasetName === null) {
      return storageFailure(
        'A dataset not registered yet has no saved SAS token: type one in SAS token.',
      );
    }
    const dataset = await lookups.savedDataset(owner.datasetName);
    if (!dataset.ok) return dataset;
    const auth = dataset.value.authentication;
    if (auth?.kind !== 'sas' || !auth.sasToken) {
      return storageFailure(
        `Dataset ${owner.datasetName} has no saved SAS token. Type a SAS token with Read (r) permission in SAS token.`,
      );
    }
    return ok({
      sasToken: auth.sasToken,
      source: 'saved',
      tokenAccounts: accountsOf(dataset.value.annotationFileUris),
    });
  }
  const draft = lookups.draft(owner);
  const token = await lookups.draftToken(owner);
  if (!token.ok) return token;
  return ok({
    sasToken: token.value,
    source: 'draft',
    tokenAccounts: accountsOf([
      ...(draft?.base?.annotationFileUris ?? []),
      ...stringsIn(draft?.values ?? {}),
    ]),
  });
}

/** How one request goes out: its URL (signed or not) and the token sent with it, if any. */
export interface SignedRequest {
  url: string;
  sasToken?: string;
  /** The token was kept back: the target is on another account than the annotation file. */
  sasWithheld?: 'otherAccount';
}

/**
 * Why a kept token may not go to this annotation file's account, if it may not. A saved token
 * goes only to the accounts of the dataset's saved annotation files, a draft's only to those
 * the draft names: a page cannot send it anywhere else by naming another address.
 */
export function tokenRefusedFor(
  file: BlobLocation,
  access: ResolvedAccess,
): StorageProblem | undefined {
  if (!access.sasToken || !access.tokenAccounts || access.tokenAccounts.has(file.accountUrl)) {
    return undefined;
  }
  const kept = access.source === 'saved' ? "the dataset's saved" : 'the kept';
  const named =
    access.source === 'saved' ? "the dataset's saved annotation files" : 'these unsaved edits';
  return {
    code: 'other',
    message: `${kept[0]!.toUpperCase()}${kept.slice(1)} SAS token is sent only to the storage accounts ${named} name, and storage account ${file.account} is not one of them. Type a SAS token for ${file.account} in SAS token.`,
  };
}

/**
 * The request for `target` while reading the annotation file `file`: the token goes only to
 * the file's own storage account; an image elsewhere is read without it.
 */
export function signFor(
  target: BlobLocation,
  file: BlobLocation,
  access: ResolvedAccess,
): SignedRequest {
  if (!access.sasToken) return { url: target.url };
  if (target.accountUrl !== file.accountUrl)
    return { url: target.url, sasWithheld: 'otherAccount' };
  return { url: signedUrl(target.url, access.sasToken), sasToken: access.sasToken };
}
