import { protocol } from 'electron';
import { PAGE_SECURITY_HEADERS } from '../core/content-security-policy';
import { readRendererFile } from '../core/renderer-files';
import { thumbnailHttpAnswer } from '../core/storage/thumbnails';
import type { ThumbnailResult } from '../core/storage/thumbnails';
import { THUMBNAIL_PATH } from '../../shared/storage/image-preview';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready: a standard, secure scheme gets a real origin for the page. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://dataset-manager/ with the security headers (none in
 * development, where a dev server serves it), and the checked files' sampled images from
 * app://dataset-manager/thumbnails/<id> once the services that read them are there.
 */
export function serveAppProtocol(
  rendererDir: string | undefined,
  readThumbnail: () => ((id: string) => Promise<ThumbnailResult>) | undefined,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const read = readThumbnail();
    if (url.host === APP_HOST && url.pathname.startsWith(THUMBNAIL_PATH) && read) {
      if (request.method !== 'GET') return new Response('Use GET.', { status: 405 });
      const answer = thumbnailHttpAnswer(await read(url.pathname.slice(THUMBNAIL_PATH.length)));
      return new Response(new Uint8Array(answer.body), {
        status: answer.status,
        headers: answer.headers,
      });
    }
    const file =
      url.host === APP_HOST && rendererDir
        ? await readRendererFile(rendererDir, url.pathname)
        : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...PAGE_SECURITY_HEADERS },
    });
  });
}
