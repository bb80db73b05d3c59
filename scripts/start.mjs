// `npm start`: the desktop app; without the Electron binary, the same UI in a browser.
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (findElectronBinary()) {
  process.exit(run('npx', ['electron-vite', 'preview']));
}
console.info(
  'No Electron binary (node_modules/electron/dist; `npx install-electron` fetches it): starting the browser UI instead.',
);
process.exit(run(process.execPath, ['scripts/web.mjs', ...process.argv.slice(2)]));
