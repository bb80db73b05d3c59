import { storedBridgeToken } from '../../../api/bridge-transport';
import { BRIDGE_THUMBNAIL_PATH, THUMBNAIL_PATH } from '../../../../../shared/storage/image-preview';
import { ThumbnailCache } from './thumbnail-cache';

/**
 * Reads a sampled image's bytes from main by its opaque id: through the app's own protocol in
 * the desktop app (same origin), through the bridge with the page's token in browser mode. The
 * bytes become an object URL kept in a capped cache; a refusal comes with main's words.
 */

export type ThumbnailState =
  { status: 'loading' } | { status: 'ready'; url: string } | { status: 'failed'; message: string };

const cache = new ThumbnailCache();
const inFlight = new Map<string, Promise<ThumbnailState>>();
/** Refusals, so a tile scrolled past again does not ask again. */
const failures = new Map<string, string>();

function request(id: string): { url: string; init: RequestInit } {
  const encoded = encodeURIComponent(id);
  if (window.datasetManager) return { url: `${THUMBNAIL_PATH}${encoded}`, init: {} };
  const token = storedBridgeToken(window.sessionStorage) ?? '';
  return {
    url: `${BRIDGE_THUMBNAIL_PATH}${encoded}`,
    init: { headers: { Authorization: `Bearer ${token}` } },
  };
}

async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { problem?: { message?: unknown }; error?: unknown };
    const message = body.problem?.message ?? body.error;
    if (typeof message === 'string' && message) return message;
  } catch {
    // Not JSON: the status says enough.
  }
  return `The app could not read this image (status ${response.status}).`;
}

async function load(id: string): Promise<ThumbnailState> {
  const { url, init } = request(id);
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store' });
  } catch {
    return { status: 'failed', message: 'The app did not answer; try again in a moment.' };
  }
  if (!response.ok) {
    const message = await refusalMessage(response);
    failures.set(id, message);
    return { status: 'failed', message };
  }
  const blob = await response.blob();
  // Only an image type goes into an object URL: main sends nothing else, and nothing else shows.
  if (!/^image\/(png|jpeg|gif|webp|bmp)$/.test(blob.type)) {
    const message = 'The app answered with something that is not an image.';
    failures.set(id, message);
    return { status: 'failed', message };
  }
  return { status: 'ready', url: cache.put(id, URL.createObjectURL(blob), blob.size) };
}

/**
 * The thumbnail of `id`, held (never revoked) until `release(id)`. Several tiles asking for
 * the same id at once share one request, and each holds it once.
 */
export async function holdThumbnail(id: string): Promise<ThumbnailState> {
  const failed = failures.get(id);
  if (failed) return { status: 'failed', message: failed };
  const held = cache.hold(id);
  if (held) return { status: 'ready', url: held };
  const pending = inFlight.get(id);
  if (pending) {
    const state = await pending;
    if (state.status !== 'ready') return state;
    const url = cache.hold(id);
    return url ? { status: 'ready', url } : holdThumbnail(id);
  }
  const loading = load(id).finally(() => inFlight.delete(id));
  inFlight.set(id, loading);
  return loading;
}

export function releaseThumbnail(id: string): void {
  cache.release(id);
}
