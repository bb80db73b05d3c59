// The page gets one frozen object of named functions, one per channel of the contract, and
// nothing else: no ipcRenderer, no event objects, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_METHODS, CHANNELS } from '../../shared/ipc/channels';

const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  api[CHANNEL_METHODS[channel]] = (request) => ipcRenderer.invoke(channel, request ?? {});
}

contextBridge.exposeInMainWorld('datasetManager', Object.freeze(api));
