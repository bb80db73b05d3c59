import type { Channel } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import type { Transport } from './api-from-contract';

const TOKEN_KEY = 'dataset-manager.bridge-token';

/**
 * Browser mode: the access token arrives in the URL once; it is moved to sessionStorage (so a
 * reload keeps working) and taken out of the address bar, history and any later Referer.
 */
export function takeBridgeToken(location: Location, history: History, storage: Storage) {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

/** The token taken by takeBridgeToken, for requests outside the bridge's calls (thumbnails). */
export function storedBridgeToken(storage: Storage): string | undefined {
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

export function bridgeTransport(
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Transport {
  return async (channel: Channel, request: unknown): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request),
      });
    } catch {
      return fail({
        kind: 'network',
        message: 'The app’s local server is not responding. Is `npm run web` still running?',
      });
    }
    if (response.status === 401) {
      return fail({
        kind: 'forbidden',
        status: 401,
        // The token changes with every start of the server, so an old tab cannot get in: the
        // way back is the URL the running server printed.
        message:
          'This page’s access token is missing or out of date. Open the full URL, token included, that `npm run web` printed in its terminal; if that window is gone, stop `npm run web` and start it again to get a new URL.',
      });
    }
    if (!response.ok) {
      return fail({
        kind: 'internal',
        status: response.status,
        message: `The app’s local server answered ${response.status}.`,
      });
    }
    return (await response.json()) as Result<unknown>;
  };
}
