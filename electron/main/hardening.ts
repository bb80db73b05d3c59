import { app, BrowserWindow, dialog, shell } from 'electron';
import type { Session } from 'electron';
import { isExternalLinkAllowed, isInAppNavigation } from './navigation-policy';

/**
 * The one permission the page gets: writing text to the clipboard (the Copy buttons). Reading
 * it stays denied, so a page can never see what the user copied elsewhere.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Denies every other permission, navigation and new window app-wide; https links to the documentation
 * hosts go to the system browser.
 */
export function hardenApp(trustedOrigins: readonly string[], sessions: Session[]): void {
  // The app's custom scheme has an opaque URL origin, so compare scheme and host as navigation does.
  const isTrusted = (url: string) => isInAppNavigation(url, trustedOrigins);
  for (const s of sessions) {
    // Only for the app's own page: anything else that ever loaded would get nothing.
    const allowed = (permission: string, from: string | undefined) =>
      ALLOWED_PERMISSIONS.has(permission) && from !== undefined && isTrusted(from);
    s.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(allowed(permission, details.requestingUrl)),
    );
    s.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      allowed(permission, requestingOrigin),
    );
    s.setDevicePermissionHandler(() => false);
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isInAppNavigation(url, trustedOrigins)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isInAppNavigation(url, trustedOrigins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The page asks before it is closed with unsaved edits (beforeunload); Electron would
    // otherwise keep the window open without a word, so the question is asked here.
    contents.on('will-prevent-unload', (event) => {
      const window = BrowserWindow.fromWebContents(contents);
      const options = {
        type: 'question' as const,
        buttons: ['Keep editing', 'Discard and close'],
        defaultId: 0,
        cancelId: 0,
        title: 'Unsaved changes',
        message: 'You have unsaved changes.',
        detail: 'Close anyway and lose them? They are also kept as a draft until you discard them.',
      };
      const choice = window
        ? dialog.showMessageBoxSync(window, options)
        : dialog.showMessageBoxSync(options);
      if (choice === 1) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // electronegativity-explained OPEN_EXTERNAL_JS_CHECK: isExternalLinkAllowed() lets through only https: URLs on an explicit host list
      if (isExternalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
