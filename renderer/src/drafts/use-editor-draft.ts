import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { UseFormReset } from 'react-hook-form';
import type { RedactedDataset } from '../../../shared/contract/redacted-dataset';
import { useApi } from '../api/api-context';
import type { DatasetFormValues } from '../forms/dataset-form';
import type { DraftSaver } from './draft-saver';
import { createDraftSync } from './draft-sync';
import type { DraftSnapshot } from './draft-sync';
import type { RestoredDraft } from './draft-values';
import { usesKeptSasToken } from './kept-sas-token';
import { forgetRestoredDraft } from './restored-drafts';

export interface EditorDraft {
  /** The draft this editor opened with, if any; it never changes afterwards. */
  restored: RestoredDraft | undefined;
  /** Main keeps a SAS token typed before a restart; an empty SAS box then means "that one". */
  keptSasToken: boolean;
  /** Whether a save of `values` should ask main for the kept token. */
  usesKeptSasToken: (values: DatasetFormValues) => boolean;
  /** Saved or discarded: the draft goes, and any save not sent yet with it. */
  drop: () => void;
  /**
   * The user agreed to lose the edits by leaving: the draft goes when the editor does. Not at
   * once, since the way out may still be cancelled (removing a connection asks again).
   */
  dropOnClose: () => void;
  saver: DraftSaver<DraftSnapshot>;
}

/** One editor's draft: what it opens with, and the means to keep main's copy in step. */
export function useEditorDraft(
  connectionId: string,
  datasetName: string | null,
  restoredAtOpen: RestoredDraft | undefined,
): EditorDraft {
  const api = useApi();
  const queryClient = useQueryClient();
  const [restored] = useState(restoredAtOpen);
  const [keptSasToken, setKeptSasToken] = useState(restored?.hasSasToken === true);
  const [saver] = useState(() =>
    createDraftSync({
      api,
      connectionId,
      datasetName,
      holdsDraft: restored !== undefined,
      onKeptTokenGone: () => setKeptSasToken(false),
    }),
  );
  const drop = useCallback(() => {
    setKeptSasToken(false);
    saver.discard();
    forgetRestoredDraft(queryClient, { connectionId, datasetName });
  }, [saver, queryClient, connectionId, datasetName]);
  const closingDrops = useRef(false);
  const dropOnClose = useCallback(() => {
    closingDrops.current = true;
  }, []);
  useEffect(
    () => () => {
      if (closingDrops.current) drop();
    },
    [drop],
  );
  return {
    restored,
    keptSasToken,
    usesKeptSasToken: (values) => usesKeptSasToken(values, keptSasToken),
    drop,
    dropOnClose,
    saver,
  };
}

/**
 * Saves the draft while the form holds unsaved edits; when the edits go away (undone by hand,
 * saved, discarded) the draft goes too. A pending save outlives the editor on purpose: only
 * the ways of leaving that lose the edits drop it, and they call `drop` first.
 */
export function useDraftAutosave(
  draft: EditorDraft,
  {
    base,
    values,
    dirty,
  }: { base: RedactedDataset | null; values: DatasetFormValues; dirty: boolean },
): void {
  const { saver, drop } = draft;
  const wasDirty = useRef(false);
  useEffect(() => {
    if (dirty) {
      wasDirty.current = true;
      saver.schedule({ base, values });
    } else if (wasDirty.current) {
      wasDirty.current = false;
      drop();
    }
  }, [saver, drop, base, values, dirty]);
}

/**
 * A new dataset's form takes the draft's values before it is first painted, with the empty
 * form still its defaults: the edits show as unsaved, and Discard changes empties it. Call it
 * after the editor's useWatch, whose subscription must exist when the values arrive.
 */
export function useRestoreNewDatasetForm(
  reset: UseFormReset<DatasetFormValues>,
  restored: RestoredDraft | undefined,
): void {
  useLayoutEffect(() => {
    if (restored) reset(restored.values, { keepDefaultValues: true });
  }, [reset, restored]);
}
