import { useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { DatasetManagerApi } from '../../../shared/ipc/contract';
import { call } from '../api/app-error';
import { useApi } from '../api/api-context';
import { queryKeys } from '../query/query-keys';
import type { RestoredDraft } from './draft-values';

export interface DraftRef {
  connectionId: string;
  datasetName: string | null;
}

export interface RestoredDrafts {
  /** Waiting for their editor to open; one leaves when its editor drops it. */
  drafts: RestoredDraft[];
  /** Drafts that could not be read, dropped at start: said once, then gone. */
  unreadable: DraftRef[];
}

const sameRef = (a: DraftRef, b: DraftRef) =>
  a.connectionId === b.connectionId && a.datasetName === b.datasetName;

async function loadRestoredDrafts(api: DatasetManagerApi): Promise<RestoredDrafts> {
  // Reading a draft needs the form's schema (zod), which the editors load on demand anyway:
  // fetched beside the list rather than with the page's start code.
  const [listed, { restoreDraft, restoresNothing }] = await Promise.all([
    call(api.listDrafts({})),
    import('./draft-values'),
  ]);
  const restored: RestoredDrafts = { drafts: [], unreadable: [] };
  for (const summary of listed) {
    const draft = restoreDraft(summary);
    if (draft && !restoresNothing(draft)) {
      restored.drafts.push(draft);
      continue;
    }
    // Kept, it would come back at every start with nothing the form can use.
    const ref = { connectionId: summary.connectionId, datasetName: summary.datasetName };
    await api.discardDraft(ref);
    if (!draft) restored.unreadable.push(ref);
  }
  return restored;
}

export function useRestoredDrafts() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.restoredDrafts,
    queryFn: () => loadRestoredDrafts(api),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function findRestoredDraft(
  restored: RestoredDrafts | undefined,
  ref: DraftRef,
): RestoredDraft | undefined {
  return restored?.drafts.find((draft) => sameRef(draft, ref));
}

/** The draft was saved or discarded: not to be offered again. */
export function forgetRestoredDraft(queryClient: QueryClient, ref: DraftRef): void {
  queryClient.setQueryData<RestoredDrafts>(queryKeys.restoredDrafts, (restored) =>
    restored && restored.drafts.some((draft) => sameRef(draft, ref))
      ? { ...restored, drafts: restored.drafts.filter((draft) => !sameRef(draft, ref)) }
      : restored,
  );
}
