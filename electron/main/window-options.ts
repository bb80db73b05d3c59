import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The window's security settings, apart from the shell so a unit test can hold them to
 * account: the page is isolated and sandboxed, has no Node, and reaches main only through
 * the preload's named API.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // A middle click would otherwise open a link in a new window: one more way out of the page.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  backgroundColor: string,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Dataset Manager',
    backgroundColor,
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
