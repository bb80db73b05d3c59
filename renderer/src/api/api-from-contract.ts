import { CHANNELS, ipcContract } from '../../../shared/ipc/contract';
import type { Channel, DatasetManagerApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';

export type Transport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

/** Builds the page's named API from the contract over any transport (preload or HTTP bridge). */
export function apiFromContract(transport: Transport): DatasetManagerApi {
  const api: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) {
    api[ipcContract[channel].method] = (request) => transport(channel, request ?? {});
  }
  return api as unknown as DatasetManagerApi;
}
