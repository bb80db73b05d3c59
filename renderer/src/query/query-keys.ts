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
