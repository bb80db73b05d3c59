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
  /**
   * `typedFor`: where the draft's connection points as the token is typed (its destination, see
   * ConnectionCredentials); undefined when that is unknown, and then the token is never sent.
   */
  save(request: SaveDraftRequest, typedFor?: string): Promise<Result<{ savedAt: string }>>;
  discard(ref: DraftRef): Result<null>;
  /**
   * The SAS token kept with a draft, for a save that asks for it; main only. Only for the
   * dataset and connection it was typed for (the ref), and only to the destination the
   * connection had then: moved since, the token is refused and must be typed again.
   */
  sasTokenOf(ref: DraftRef, destination: string): Promise<Result<string>>;
}

/**
 * A kept token and where it may go, in one vault entry: saved and read together, they can never
 * drift apart. Entries from before destinations were kept hold the bare token, and are refused.
 */
const KeptTokenSchema = z.object({ sasToken: z.string(), typedFor: z.string().nullable() });

function keptToken(sasToken: string, typedFor: string | undefined): string {
  return JSON.stringify({ sasToken, typedFor: typedFor ?? null });
}

function readKeptToken(value: string): z.output<typeof KeptTokenSchema> | undefined {
  try {
    const parsed = KeptTokenSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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

    async save(request, typedFor) {
      const ref = { connectionId: request.connectionId, datasetName: request.datasetName };
      const secretId = draftSecretId(ref);
      if (request.sasToken !== undefined && request.sasToken !== '') {
        const kept = await vault.setSecret(secretId, keptToken(request.sasToken, typedFor));
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

    async sasTokenOf(ref, destination) {
      if (!vault.hasSecret(draftSecretId(ref))) {
        return fail({
          kind: 'keyUnavailable',
          message:
            'The SAS token kept with these unsaved edits is no longer available. Type it again.',
        });
      }
      const value = await vault.getSecret(draftSecretId(ref));
      if (!value.ok) return value;
      const kept = readKeptToken(value.value);
      if (kept?.typedFor === destination) return ok(kept.sasToken);
      const why = kept?.typedFor
        ? 'was typed while the connection pointed elsewhere'
        : 'was kept without the endpoint it was typed for';
      return fail({
        kind: 'keyUnavailable',
        message: `The SAS token kept with these unsaved edits ${why}, so it is not sent. Type it again.`,
      });
    },
  };
}
