import { z } from 'zod';

/** What the window showed: the chosen connection and, in it, the open dataset. */
export interface WhereIWas {
  connectionId: string;
  datasetName?: string;
}

const STORAGE_KEY = 'dataset-manager:where-i-was';

const WhereIWasSchema = z.object({
  connectionId: z.string().min(1).max(200),
  datasetName: z.string().min(1).max(200).optional(),
});

/**
 * Where the window was at the last reload or quit; undefined when nothing was kept or what was
 * kept cannot be read (a damaged entry is only a lost convenience, so it is dropped quietly).
 */
export function recallWhereIWas(
  storage: Pick<Storage, 'getItem'> | undefined,
): WhereIWas | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const parsed = WhereIWasSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function keepWhereIWas(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  where: WhereIWas | undefined,
): void {
  try {
    if (where) storage?.setItem(STORAGE_KEY, JSON.stringify(where));
    else storage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or refused: the window simply starts afresh next time.
  }
}

/** The page's own storage, where there is one (not in unit tests). */
export function pageStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
