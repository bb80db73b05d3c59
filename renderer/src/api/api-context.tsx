import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { DatasetManagerApi } from '../../../shared/ipc/contract';

const ApiContext = createContext<DatasetManagerApi | null>(null);

/** Hands the page's API (preload or HTTP bridge) to every hook, so tests and modes can swap it. */
export function ApiProvider({ api, children }: { api: DatasetManagerApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DatasetManagerApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
