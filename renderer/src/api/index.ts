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
export function chooseApi(): DatasetManagerApi {
  if (window.datasetManager) return window.datasetManager;
  const token = takeBridgeToken(window.location, window.history, window.sessionStorage);
  return apiFromContract(bridgeTransport(token));
}
