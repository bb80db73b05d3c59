import { CHANNELS, CHANNEL_METHODS } from '../../../shared/ipc/channels';
import type { Channel, DatasetManagerApi } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';

export type Transport = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

/**
 * Builds the page's named API from the contract over any transport (preload or HTTP bridge).
 * Only the channel names at run time: the request schemas are main's to apply, and importing
 * them would bring zod into the page's start code.
 */
export function apiFromContract(transport: Transport): DatasetManagerApi {
  const api: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const channel of CHANNELS) {
    api[CHANNEL_METHODS[channel]] = (request) => transport(channel, request ?? {});
  }
  return api as unknown as DatasetManagerApi;
}
