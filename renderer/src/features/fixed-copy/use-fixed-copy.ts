import { useCallback, useRef, useState } from 'react';
import type { RequestOf } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import type { FixPrepared } from '../../../../shared/storage/fixed-copy-contract';
import { useApi } from '../../api/api-context';
import { saveTextFile } from './save-file';

export type FixPrepareRequest = RequestOf<'fixes:prepare'>;

export interface FixedCopyState {
  preparing: boolean;
  prepared: FixPrepared | null;
  /** The last prepare, upload or save that failed. */
  error: { action: 'prepare' | 'upload' | 'save'; error: AppError } | null;
  uploading: boolean;
  /** The new blob's URI once uploaded. */
  uploadedUri: string | null;
  saving: boolean;
  /** The name the file was handed to the browser under. */
  savedAs: string | null;
}

const INITIAL: FixedCopyState = {
  preparing: false,
  prepared: null,
  error: null,
  uploading: false,
  uploadedUri: null,
  saving: false,
  savedAs: null,
};

/**
 * One fixed copy as the dialog drives it: main prepares it (reads the file, fixes it, keeps it),
 * then uploads it or hands its text over to be saved. Preparing again (another base URL)
 * replaces the copy before; an answer for an older one is dropped.
 */
export function useFixedCopy() {
  const api = useApi();
  const [state, setState] = useState<FixedCopyState>(INITIAL);
  const generation = useRef(0);

  const prepare = useCallback(
    async (request: FixPrepareRequest) => {
      const mine = ++generation.current;
      setState({ ...INITIAL, preparing: true });
      const result = await api.prepareFixedCopy(request);
      if (generation.current !== mine) return;
      setState(
        result.ok
          ? { ...INITIAL, prepared: result.value }
          : { ...INITIAL, error: { action: 'prepare', error: result.error } },
      );
    },
    [api],
  );

  const upload = useCallback(async () => {
    const fixId = state.prepared?.fixId;
    if (!fixId) return;
    const mine = generation.current;
    setState((s) => ({ ...s, uploading: true, error: null }));
    const result = await api.uploadFixedCopy({ fixId });
    if (generation.current !== mine) return;
    setState((s) =>
      result.ok
        ? { ...s, uploading: false, uploadedUri: result.value.uri }
        : { ...s, uploading: false, error: { action: 'upload', error: result.error } },
    );
  }, [api, state.prepared]);

  const save = useCallback(async () => {
    const fixId = state.prepared?.fixId;
    if (!fixId) return;
    const mine = generation.current;
    setState((s) => ({ ...s, saving: true, error: null, savedAs: null }));
    const result = await api.downloadFixedCopy({ fixId });
    if (generation.current !== mine) return;
    if (result.ok) saveTextFile(result.value.fileName, result.value.text);
    setState((s) =>
      result.ok
        ? { ...s, saving: false, savedAs: result.value.fileName }
        : { ...s, saving: false, error: { action: 'save', error: result.error } },
    );
  }, [api, state.prepared]);

  return { state, prepare, upload, save };
}
