/** What the window showed: the chosen connection and, in it, the open dataset. */
export interface WhereIWas {
  connectionId: string;
  datasetName?: string;
}

const STORAGE_KEY = 'dataset-manager:where-i-was';

const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;

/**
 * Checked by hand rather than with zod: this runs at start, and zod is otherwise loaded only
 * with the editors, on demand.
 */
function asWhereIWas(value: unknown): WhereIWas | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { connectionId, datasetName } = value as Record<string, unknown>;
  if (!isName(connectionId)) return undefined;
  if (datasetName === undefined) return { connectionId };
  return isName(datasetName) ? { connectionId, datasetName } : undefined;
}

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
    return asWhereIWas(JSON.parse(text));
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
