/** Every cache key in one place, so a write knows exactly which reads it affects. */
export const queryKeys = {
  appInfo: ['app-info'] as const,
  connections: ['connections'] as const,
  datasets: (connectionId: string) => ['datasets', connectionId] as const,
  dataset: (connectionId: string, name: string) => ['dataset', connectionId, name] as const,
  /** Prefix of every single-dataset entry of one connection. */
  datasetsOf: (connectionId: string) => ['dataset', connectionId] as const,
  /** Unsaved edits from the last session, read once at start. */
  restoredDrafts: ['restored-drafts'] as const,
};

/** The dataset a `queryKeys.dataset` key stands for; undefined for any other key. */
export function datasetOfKey(
  key: readonly unknown[],
): { connectionId: string; name: string } | undefined {
  const [kind, connectionId, name] = key;
  if (kind !== 'dataset' || key.length !== 3) return undefined;
  if (typeof connectionId !== 'string' || typeof name !== 'string') return undefined;
  return { connectionId, name };
}
