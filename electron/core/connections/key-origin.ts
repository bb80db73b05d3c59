import type { AppError } from '../../../shared/ipc/errors';

/**
 * A saved key goes only to the origin (scheme, host and port) it was typed for, and a draft's
 * SAS token only where its connection pointed when it was typed: otherwise the page could move
 * a connection to a server of its choosing and have main send the secret there.
 *
 * The path is not part of it: the client puts the datasets API at a fixed path under the
 * endpoint, and a server sees every path of its own origin anyway, so a new path on the same
 * origin sends the key nowhere new. Another host, another port or http instead of https is
 * another server, and needs the key typed again.
 */
export function originOf(endpoint: string): string {
  return new URL(endpoint).origin;
}

/** Next to the key field in the connection dialog (details), and alone anywhere else. */
export function keyTypedForAnotherOrigin(savedFor: string, wanted: string): AppError {
  const message = `The subscription key was saved for ${savedFor}. Type the key again to use it with ${wanted}.`;
  return { kind: 'keyUnavailable', message, details: [{ field: 'key', message }] };
}

/** The one check between a saved key and the network: its origin, or a clear refusal. */
export function keyOnlyFor(keyOrigin: string, endpoint: string): AppError | undefined {
  const wanted = originOf(endpoint);
  return wanted === keyOrigin ? undefined : keyTypedForAnotherOrigin(keyOrigin, wanted);
}
