import { app, BrowserWindow, dialog, shell } from 'electron';
import type { Session } from 'electron';
import { isExternalLinkAllowed, isInAppNavigation } from './navigation-policy';

/**
 * Denies every permission, navigation and new window app-wide; https links to the documentation
 * hosts go to the system browser.
 */
export function hardenApp(trustedOrigins: readonly string[], sessions: Session[]): void {
  for (const s of sessions) {
    s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
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
