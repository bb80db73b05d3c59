import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { TokenSources } from './check-access';

/** The editor the annotation files belong to: whose access reads them. */
export interface AnnotationCheckScope extends TokenSources {
  connectionId: string;
  /** Null while the dataset is not registered yet. */
  datasetName: string | null;
}

const ScopeContext = createContext<AnnotationCheckScope | null>(null);

/** Set by each editor around its form, so the annotation-files section can browse and check. */
export function AnnotationCheckScopeProvider({
  scope,
  children,
}: {
  scope: AnnotationCheckScope;
  children: ReactNode;
}) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** Null outside an editor: the section then offers no storage tools. */
export function useAnnotationCheckScope(): AnnotationCheckScope | null {
  return useContext(ScopeContext);
}
