import { app, shell } from 'electron';
import type { Session } from 'electron';
import { isExternalLinkAllowed, isInAppNavigation } from './navigation-policy';

/** Denies every permission, navigation and new window app-wide; https links go to the system browser. */
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
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
