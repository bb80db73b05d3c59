import { API_VERSION, DATASETS_PATH } from '../shared/contract/limits';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST_PATTERN = new RegExp(
  `^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?$`,
);

/**
 * Whether a Host header is a plain host[:port]. The header comes from the client, so anything
 * else (paths, credentials, spaces) is not put into a link the client will follow.
 */
export function isPlainHost(host: string | undefined): host is string {
  if (host === undefined) return false;
  const match = HOST_PATTERN.exec(host);
  if (!match) return false;
  const port = match[1];
  return port === undefined || Number(port) <= 65535;
}

/**
 * An absolute link to the next page, on the host the client used (so it works behind a port
 * forward or with "localhost"), or on the listening address when the Host header is unusable.
 */
export function buildNextLink(
  hostHeader: string | undefined,
  listeningOrigin: string,
  skip: number,
  top: number,
): string {
  const origin = isPlainHost(hostHeader) ? `http://${hostHeader}` : listeningOrigin;
  const query = new URLSearchParams({
    'api-version': API_VERSION,
    skip: String(skip),
    top: String(top),
  });
  return `${origin}${DATASETS_PATH}?${query.toString()}`;
}
