// The page's own origin, apart from app-protocol.ts (which needs Electron) so plain-Node tests
// can use it.
export const APP_SCHEME = 'app';
export const APP_HOST = 'dataset-manager';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
