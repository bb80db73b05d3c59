import type { IHttpClient } from '@azure/storage-blob';

/** The longest a single Storage request may take before it counts as unanswered. */
export const STORAGE_REQUEST_TIMEOUT_MS = 30_000;

/**
 * @azure/storage-blob's requests sent through the app's fetch (Electron's net.fetch in the app:
 * the system's proxy and certificates, the same path as every other request), instead of the
 * SDK's own Node HTTP client.
 */
export function fetchHttpClient(fetchImpl: typeof fetch): IHttpClient {
  return {
    async sendRequest(request) {
      const signals = [AbortSignal.timeout(request.timeout || STORAGE_REQUEST_TIMEOUT_MS)];
      if (request.abortSignal) signals.push(request.abortSignal as AbortSignal);
      const body = request.body;
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        ...(typeof body === 'string' && { body }),
        signal: AbortSignal.any(signals),
      });
      // The SDK's own header class, emptied and refilled, so nothing is imported from its internals.
      const headers = request.headers.clone();
      for (const name of headers.headerNames()) headers.remove(name);
      response.headers.forEach((value, name) => headers.set(name, value));
      return {
        request,
        status: response.status,
        headers,
        bodyAsText: await response.text(),
      };
    },
  };
}
