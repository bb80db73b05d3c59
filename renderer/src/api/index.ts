import type { DatasetManagerApi } from '../../../shared/ipc/contract';
import { apiFromContract } from './api-from-contract';
import { bridgeTransport, takeBridgeToken } from './bridge-transport';

declare global {
  interface Window {
    /** Present only in the desktop app: the preload's named API. */
    datasetManager?: DatasetManagerApi;
  }
}

/** The desktop app's preload API when there is one, otherwise the browser-mode bridge. */
export function chooseApi(): { api: DatasetManagerApi; mode: 'desktop' | 'browser' } {
  if (window.datasetManager) return { api: window.datasetManager, mode: 'desktop' };
  const token = takeBridgeToken(window.location, window.history, window.sessionStorage);
  return { api: apiFromContract(bridgeTransport(token)), mode: 'browser' };
}
