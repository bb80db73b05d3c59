// The desktop shell: Electron's lifecycle around the plain-Node services of electron/core.
import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, net, safeStorage, screen, session } from 'electron';
import { createAppServices } from '../core/app-services';
import type { AppServices } from '../core/app-services';
import { createSafeStorageCipher } from '../core/secrets/safe-storage-cipher';
import { openStoreSafely } from '../core/settings/open-store-safely';
import { UNSAVED_EDITS_LOST } from '../core/drafts/drafts-service';
import type { SettingsStore } from '../core/settings/settings-store';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './app-protocol';
import { openDesktopStore } from './desktop-stores';
import { hardenApp } from './hardening';
import { registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { rendererSource } from './renderer-source';
import { mainWindowOptions } from './window-options';
import { restoreBounds } from './window-state';

const renderer = rendererSource(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const trustedOrigins = [renderer.origin];
const WINDOW_STATE_KEY = 'window';

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;

registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(
        'Dataset Manager could not start:',
        error instanceof Error ? error.message : error,
      );
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const opened = openStoreSafely<SettingsStore>(
    () => openDesktopStore(dataDir, 'settings'),
    join(dataDir, 'settings.json'),
  );
  const draftsOpened = openStoreSafely<SettingsStore>(
    () => openDesktopStore(dataDir, 'drafts'),
    join(dataDir, 'drafts.json'),
    undefined,
    UNSAVED_EDITS_LOST,
  );
  const store = opened.store;
  hardenApp(trustedOrigins, [session.defaultSession]);
  serveAppProtocol(
    renderer.devServer ? undefined : join(import.meta.dirname, '../renderer'),
    () => services?.readThumbnail,
  );

  services = await createAppServices({
    mode: 'desktop',
    version: app.getVersion(),
    dataDir,
    store,
    cipher: await createSafeStorageCipher(safeStorage, process.platform),
    fetch: (input, init) => net.fetch(input as string, init),
    draftsStore: draftsOpened.store,
    localEmulator: !app.commandLine.hasSwitch('no-local-emulator'),
    localStorage: !app.commandLine.hasSwitch('no-local-storage'),
    notices: [opened.notice, draftsOpened.notice].flatMap((n) => (n ? [n.message] : [])),
    logError: (message, error) =>
      console.error(`${message}: ${error instanceof Error ? error.name : 'error'}`),
  });
  registerIpc(services.dispatch, trustedOrigins);
  installApplicationMenu(process.platform === 'darwin', renderer.devServer);
  createWindow(store);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(store);
  });
}

function createWindow(store: SettingsStore): void {
  const bounds = restoreBounds(
    store.get(WINDOW_STATE_KEY),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  // contextIsolation, sandbox, no nodeIntegration and no Auxclick come from
  // secureWebPreferences() (tested), which the tool cannot follow:
  // electronegativity-explained CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK: set in secureWebPreferences()
  const window = new BrowserWindow(
    mainWindowOptions(
      join(import.meta.dirname, '../preload/index.cjs'),
      bounds,
      nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#fafafa',
    ),
  );
  mainWindow = window;
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    store.set(WINDOW_STATE_KEY, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(renderer.url);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  // Let the embedded emulator finish writing its data file before the process ends.
  event.preventDefault();
  quitting = true;
  void services.close().finally(() => app.quit());
});
