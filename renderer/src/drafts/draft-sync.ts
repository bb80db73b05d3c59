import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import type { DatasetManagerApi } from '../../../shared/ipc/contract';
import type { DatasetFormValues } from '../forms/dataset-form';
import { DraftSaver } from './draft-saver';
import { draftValuesOf } from './draft-values';
import { sasTokenInstruction } from './kept-sas-token';

/** Typing pauses this long before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface DraftSnapshot {
  base: RedactedDataset | null;
  values: DatasetFormValues;
}

export interface DraftSyncOptions {
  api: Pick<DatasetManagerApi, 'saveDraft' | 'discardDraft'>;
  connectionId: string;
  datasetName: string | null;
  /** Main already holds this draft (restored at start). */
  holdsDraft: boolean;
  /** Main no longer holds a token the page lacks: it was replaced by a typed one or dropped. */
  onKeptTokenGone: () => void;
  delayMs?: number;
}

/** One editor's draft in main: the form's values and, kept apart, a typed SAS token. */
export function createDraftSync({
  api,
  connectionId,
  datasetName,
  holdsDraft,
  onKeptTokenGone,
  delayMs = DRAFT_SAVE_DELAY_MS,
}: DraftSyncOptions): DraftSaver<DraftSnapshot> {
  const ref = { connectionId, datasetName };
  // Requests run one at a time, so this always describes the last one sent.
  let sentTypedToken = false;
  return new DraftSaver<DraftSnapshot>({
    delayMs,
    holdsDraft,
    save: async ({ base, values }) => {
      const token = sasTokenInstruction(values, sentTypedToken);
      sentTypedToken = token.sasToken !== undefined;
      if (token.sasToken !== undefined || token.dropSasToken) onKeptTokenGone();
      await api.saveDraft({ ...ref, base, values: draftValuesOf(values), ...token });
    },
    discard: async () => {
      sentTypedToken = false;
      await api.discardDraft(ref);
    },
  });
}
