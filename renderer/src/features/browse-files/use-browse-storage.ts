import { useCallback, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/errors';
import type { BrowseListing, StorageAccess } from '../../../../shared/storage/check-contract';
import { useApi } from '../../api/api-context';

export interface BrowseOwner {
  connectionId: string;
  datasetName: string | null;
}

export interface BrowseState {
  /** The last folder listed; kept on screen while the next one loads. */
  listing: BrowseListing | null;
  loading: boolean;
  error: AppError | null;
}

/**
 * Lists a container's folder through main, with the dataset's access. Kept out of the query
 * cache on purpose: a typed token is part of each request and must not outlive the dialog.
 */
export function useBrowseStorage(owner: BrowseOwner) {
  const api = useApi();
  const [state, setState] = useState<BrowseState>({ listing: null, loading: false, error: null });
  const latest = useRef(0);

  const list = useCallback(
    async (location: string, access: StorageAccess, prefix?: string) => {
      const mine = ++latest.current;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      const result = await api.browseStorage({
        connectionId: owner.connectionId,
        datasetName: owner.datasetName,
        location,
        access,
        ...(prefix !== undefined ? { prefix } : {}),
      });
      if (mine !== latest.current) return;
      setState((previous) =>
        result.ok
          ? { listing: result.value, loading: false, error: null }
          : { listing: previous.listing, loading: false, error: result.error },
      );
    },
    [api, owner.connectionId, owner.datasetName],
  );

  return { ...state, list };
}
