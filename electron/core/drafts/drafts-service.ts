import { z } from 'zod';
import { RedactedDatasetSchema } from '../../../shared/contract/redacted-dataset';
import type { DraftSummary, ParsedRequestOf } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { SecretVault } from '../secrets/secret-vault';
import type { SettingsStore } from '../settings/settings-store';

export const DRAFTS_KEY = 'drafts';

/** What a damaged drafts file costs, for the notice at start. */
export const UNSAVED_EDITS_LOST = 'unsaved edits from the last session could not be restored';

const StoredDraftSchema = z.object({
  connectionId: z.string().min(1),
  datasetName: z.string().min(1).nullable(),
  base: RedactedDatasetSchema.nullable(),
  values: z.record(z.string(), z.unknown()),
  hasSasToken: z.boolean(),
  savedAt: z.string(),
});

export type DraftRef = ParsedRequestOf<'drafts:discard'>;
export type SaveDraftRequest = ParsedRequestOf<'drafts:save'>;

export interface DraftsService {
  list(): DraftSummary[];
  save(request: SaveDraftRequest): Promise<Result<{ savedAt: string }>>;
  discard(ref: DraftRef): Result<null>;
  /** The SAS token kept with a draft, for a save that asks for it; main only. */
  sasTokenOf(ref: DraftRef): Promise<Result<string>>;
}

export interface DraftsServiceOptions {
  /** The drafts file (its own file, so a damaged one never costs the connections). */
  store: SettingsStore;
  /** Where typed SAS tokens are kept, encrypted like keys. */
  vault: SecretVault;
  now?: () => Date;
  onNotice?: (message: string) => void;
}

const sameRef = (a: DraftRef, b: DraftRef) =>
  a.connectionId === b.connectionId && a.datasetName === b.datasetName;

export function draftSecretId(ref: DraftRef): string {
  return `draft:${ref.connectionId}:${ref.datasetName ?? ''}`;
}

/**
 * Unsaved edits, kept by main so a crash or restart loses nothing the user typed. The form's
 * values are stored as they were, valid or not; a typed SAS token goes to the vault.
 */
export function createDraftsService({
  store,
  vault,
  now = () => new Date(),
  onNotice = () => {},
}: DraftsServiceOptions): DraftsService {
  let warned = false;

  function read(): DraftSummary[] {
    const raw = store.get(DRAFTS_KEY);
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [];
    const drafts: DraftSummary[] = [];
    for (const entry of list) {
      const parsed = StoredDraftSchema.safeParse(entry);
      if (parsed.success) drafts.push(parsed.data);
    }
    if (!warned && (drafts.length !== list.length || !Array.isArray(raw))) {
      warned = true;
      onNotice(
        `Some unsaved edits in ${store.path} could not be read and were left out; the rest were restored.`,
      );
    }
    return drafts;
  }

  function write(drafts: DraftSummary[]): Result<null> {
    try {
      store.set(DRAFTS_KEY, drafts);
      return ok(null);
    } catch {
      return fail({
        kind: 'internal',
        message: `Unsaved edits could not be written to ${store.path}. Check that the disk is not full.`,
      });
    }
  }

  return {
    list: read,

    async save(request) {
      const ref = { connectionId: request.connectionId, datasetName: request.datasetName };
      const secretId = draftSecretId(ref);
      if (request.sasToken !== undefined && request.sasToken !== '') {
        const kept = await vault.setSecret(secretId, request.sasToken);
        if (!kept.ok) return kept;
      } else if (request.dropSasToken) {
        vault.deleteSecret(secretId);
      }
      const savedAt = now().toISOString();
      const draft: DraftSummary = {
        ...ref,
        base: request.base,
        values: request.values,
        hasSasToken: vault.hasSecret(secretId),
        savedAt,
      };
      const written = write([...read().filter((d) => !sameRef(d, ref)), draft]);
      return written.ok ? ok({ savedAt }) : written;
    },

    discard(ref) {
      vault.deleteSecret(draftSecretId(ref));
      const drafts = read();
      if (!drafts.some((d) => sameRef(d, ref))) return ok(null);
      return write(drafts.filter((d) => !sameRef(d, ref)));
    },

    async sasTokenOf(ref) {
      if (!vault.hasSecret(draftSecretId(ref))) {
        return fail({
          kind: 'keyUnavailable',
          message:
            'The SAS token kept with these unsaved edits is no longer available. Type it again.',
        });
      }
      return vault.getSecret(draftSecretId(ref));
    },
  };
}
