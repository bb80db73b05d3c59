import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

/**
 * The checks of browser mode, apart from the server so each is tested alone:
 * - Host must be our own loopback address and port, which defeats DNS rebinding;
 * - a cross-origin request is refused (Origin, or Sec-Fetch-Site when a browser sends it);
 * - every bridge call carries the start's random token.
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(req: IncomingMessage, port: number): GuardVerdict {
  const host = req.headers.host?.toLowerCase();
  if (host && allowedHosts(port).includes(host)) return { ok: true };
  return {
    ok: false,
    status: 403,
    message: 'Requests must address this server as 127.0.0.1 or localhost.',
  };
}

export function checkOrigin(req: IncomingMessage, port: number): GuardVerdict {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const allowed = allowedHosts(port).map((h) => `http://${h}`);
    if (!allowed.includes(origin.toLowerCase())) {
      return { ok: false, status: 403, message: 'Cross-origin requests are refused.' };
    }
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, status: 403, message: 'Cross-site requests are refused.' };
  }
  return { ok: true };
}

export function checkToken(req: IncomingMessage, token: string): GuardVerdict {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  return {
    ok: false,
    status: 401,
    message: 'Missing or wrong access token: open the full URL that `npm run web` printed.',
  };
}
