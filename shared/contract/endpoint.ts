/**
 * The rules for a service endpoint, shared by the connection form and the client so both say
 * the same thing. A user types `https://<resource>.cognitiveservices.azure.com/` with or
 * without the trailing slash; the client adds `computervision/...` itself.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; message: string };

/** Normalises an endpoint to `scheme://host[:port][/path]` without a trailing slash, or says what to fix. */
export function checkEndpoint(input: string): EndpointCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter the endpoint of your Azure AI resource.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message:
        'The endpoint must be a full address, such as https://my-resource.cognitiveservices.azure.com/.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `The endpoint must start with https://, not ${url.protocol}//.` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message:
        'The endpoint must use https://; plain http:// is allowed only for this computer (localhost).',
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message:
        'Remove the user name and password from the endpoint; the key goes in its own field.',
    };
  }
  if (url.search !== '' || text.includes('?')) {
    return { ok: false, message: 'Remove the query (the part from "?") from the endpoint.' };
  }
  if (url.hash !== '' || text.includes('#')) {
    return { ok: false, message: 'Remove the fragment (the part from "#") from the endpoint.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, endpoint: `${url.protocol}//${url.host}${path}` };
}
