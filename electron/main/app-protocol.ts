import { protocol } from 'electron';
import { PAGE_SECURITY_HEADERS } from '../core/content-security-policy';
import { readRendererFile } from '../core/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready: a standard, secure scheme gets a real origin for the page. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://dataset-manager/ with the security headers. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === APP_HOST ? await readRendererFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...PAGE_SECURITY_HEADERS },
    });
  });
}
