// `npm run web -- --port P --data-dir DIR --no-open --no-local-emulator --no-local-storage`: the app's UI in a browser, served from
// 127.0.0.1 by one Node process that runs the same services as the desktop app.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppServices } from '../core/app-services';
import { createKeyFileCipher } from '../core/secrets/key-file-cipher';
import { openStoreSafely } from '../core/settings/open-store-safely';
import { UNSAVED_EDITS_LOST } from '../core/drafts/drafts-service';
import { openConfStore, settingsFilePath } from '../core/settings/settings-store';
import { defaultDataDir } from '../core/user-data-dir';
import { canOpenBrowser, openBrowser } from './open-browser';
import { startWebServer } from './server';

const USAGE =
  'Usage: npm run web -- [--port P] [--data-dir DIR] [--no-open] [--no-local-emulator] [--no-local-storage]';

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '5180' },
        'data-dir': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'no-local-emulator': { type: 'boolean', default: false },
        // Local Blob Storage with sample files beside the Local emulator (where installed).
        'no-local-storage': { type: 'boolean', default: false },
        'static-dir': { type: 'string' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    }
    return { ...values, port };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const args = parse();
  const dataDir = resolve(args['data-dir'] ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = resolve(args['static-dir'] ?? join(here, '..', '..', 'out', 'renderer'));

  const draftsOpened = openStoreSafely(
    () => openConfStore(dataDir, 'drafts'),
    settingsFilePath(dataDir, 'drafts'),
    undefined,
    UNSAVED_EDITS_LOST,
  );
  const opened = openStoreSafely(
    () => openConfStore(dataDir, 'settings'),
    settingsFilePath(dataDir, 'settings'),
  );
  const startNotices = [opened.notice, draftsOpened.notice].flatMap((n) => (n ? [n.message] : []));
  for (const notice of startNotices) console.warn(notice);
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const services = await createAppServices({
    mode: 'browser',
    version: process.env['npm_package_version'] ?? '0.0.0',
    dataDir,
    store: opened.store,
    cipher: cipher.value,
    fetch: globalThis.fetch,
    draftsStore: draftsOpened.store,
    notices: startNotices,
    localEmulator: !args['no-local-emulator'],
    localStorage: !args['no-local-storage'],
    logError: (message, error) =>
      console.error(`${message}: ${error instanceof Error ? error.name : 'error'}`),
  });
  const server = await startWebServer({
    port: args.port,
    staticDir,
    dispatch: services.dispatch,
    readThumbnail: services.readThumbnail,
  });
  console.info(`Dataset Manager is running at ${server.url}`);
  if (!args['no-open'] && canOpenBrowser(process.platform, process.env)) openBrowser(server.url);

  const stop = () => {
    void Promise.all([server.close(), services.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Dataset Manager could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
