import { API_VERSION, DATASETS_PATH } from '../../../shared/contract/limits';

/** Where each operation goes, from an endpoint already normalised by checkEndpoint. */
export interface ServiceUrls {
  /** scheme://host[:port]: the only origin the key may be sent to. */
  origin: string;
  /** host[:port], for messages. */
  host: string;
  dataset(name: string): string;
  list(skip: number, top: number): string;
}

export function serviceUrls(endpoint: string): ServiceUrls {
  const base = `${endpoint}${DATASETS_PATH}`;
  const url = new URL(endpoint);
  return {
    origin: url.origin,
    host: url.host,
    dataset: (name) => `${base}/${encodeURIComponent(name)}?api-version=${API_VERSION}`,
    list: (skip, top) => {
      const query = new URLSearchParams({
        'api-version': API_VERSION,
        skip: String(skip),
        top: String(top),
      });
      return `${base}?${query.toString()}`;
    },
  };
}
