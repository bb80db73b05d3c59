// `npm run dist`: builds the app, then packages it with electron-builder (electron-builder.yml)
// from the Electron binary in node_modules. Without that binary electron-builder would try to
// download Electron and fail with a long stack trace; this says in one line what to do instead.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

export const NO_ELECTRON =
  'npm run dist needs the Electron binary (node_modules/electron/dist), which could not be downloaded here: run `npx install-electron` where the internet is reachable, then npm run dist again.';

const repo = resolve(import.meta.dirname, '..');
const require = createRequire(join(repo, 'package.json'));

if (!findElectronBinary()) {
  console.error(NO_ELECTRON);
  process.exit(1);
}

/** A package's command, run with this Node rather than through npx. */
function bin(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), manifest.bin[name]);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// A full build, not the start's stamp check: a package must hold exactly the current sources.
run([bin('electron-vite', 'electron-vite'), 'build']);
// The folder findElectronBinary found the binary in; electron-builder copies Electron from it.
const electronDist =
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??
  join(dirname(require.resolve('electron/package.json')), 'dist');
run([
  bin('electron-builder', 'electron-builder'),
  '--config',
  'electron-builder.yml',
  `--config.electronDist=${electronDist}`,
  ...process.argv.slice(2),
]);
