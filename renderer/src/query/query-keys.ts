/**
 * Every cache key in one place, so a write knows exactly which reads it affects. Whatever is
 * read through a connection lives under that connection's own root, so forgetting the
 * connection (removed, or its endpoint or key changed) resets one prefix.
 */
export const queryKeys = {
  appInfo: ['app-info'] as const,
  connections: ['connections'] as const,
  /** Prefix of everything read through one connection: its list and each dataset. */
  connection: (connectionId: string) => ['connection', connectionId] as const,
  datasets: (connectionId: string) => ['connection', connectionId, 'datasets'] as const,
  dataset: (connectionId: string, name: string) =>
    ['connection', connectionId, 'dataset', name] as const,
  /** Unsaved edits from the last session, read once at start. */
  restoredDrafts: ['restored-drafts'] as const,
};

/** The dataset a `queryKeys.dataset` key stands for; undefined for any other key. */
export function datasetOfKey(
  key: readonly unknown[],
): { connectionId: string; name: string } | undefined {
  const [root, connectionId, kind, name] = key;
  if (root !== 'connection' || kind !== 'dataset' || key.length !== 4) return undefined;
  if (typeof connectionId !== 'string' || typeof name !== 'string') return undefined;
  return { connectionId, name };
}
