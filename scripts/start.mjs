// `npm start`: the desktop app; without the Electron binary, the same UI in a browser. Either
// way out/ is built only when its sources changed (scripts/build-stamp.mjs).
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';
import { electronViteBin, ensureBuild } from './build-stamp.mjs';

if (findElectronBinary()) {
  try {
    await ensureBuild();
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const preview = spawnSync(process.execPath, [electronViteBin(), 'preview', '--skipBuild'], {
    stdio: 'inherit',
  });
  process.exit(preview.status ?? 1);
}
console.info(
  'No Electron binary (node_modules/electron/dist; `npx install-electron` fetches it): starting the browser UI instead.',
);
// web.mjs reads the same arguments from process.argv; importing it saves starting another Node.
await import('./web.mjs');
