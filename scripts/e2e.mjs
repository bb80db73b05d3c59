// Runs the Playwright suite: finds Chromium first (and says how to get one), builds the app,
// then runs the tests. The Electron tests run where an Electron binary exists, and the run
// says clearly when they did not. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_HELP, findChromium } from './find-chromium.mjs';
import { findElectronBinary } from './electron-binary.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
const electron = findElectronBinary();
run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  ...process.env,
  PLAYWRIGHT_CHROMIUM_PATH: chromium,
});
if (!electron) {
  console.info(
    'Electron end-to-end tests: NOT RUN (no Electron binary in node_modules/electron/dist; `npx install-electron` fetches it where the internet is reachable).',
  );
}
