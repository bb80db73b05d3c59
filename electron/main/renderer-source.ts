import { APP_ORIGIN } from './app-origin';

export interface RendererSource {
  /** What the window loads. */
  url: string;
  /** The one origin the page may navigate within and call IPC from. */
  origin: string;
  /** True when the page comes from electron-vite's dev server rather than the packaged files. */
  devServer: boolean;
}

/**
 * Where the window's page comes from. electron-vite's dev server (ELECTRON_RENDERER_URL) is
 * honoured only in an unpackaged run: in an installed app the variable would let anyone who can
 * set the environment load their own page with the app's IPC and keys behind it.
 */
export function rendererSource(
  devServerUrl: string | undefined,
  isPackaged: boolean,
): RendererSource {
  const packaged = { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN, devServer: false };
  if (isPackaged || !devServerUrl) return packaged;
  let url: URL;
  try {
    url = new URL(devServerUrl);
  } catch {
    return packaged;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return packaged;
  return { url: url.href, origin: url.origin, devServer: true };
}
