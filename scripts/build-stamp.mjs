// Whether out/ already holds a build of the current sources, so `npm start` and `npm run web`
// build only when something changed. After a successful build, out/.build-stamp.json records a
// hash of the contents of every file the build reads and of every file it wrote; a start builds
// again when either differs. Contents decide, not mtimes: a checkout or a `touch` that leaves a
// file as it was costs no build, and an edit is seen however coarse the file system's clock.
// The outputs count too, because other commands write out/ (`electron-vite dev` puts a
// development build there) and a stamp must not vouch for files it did not see built.
//
// Reading every file costs tens of milliseconds on a busy machine, at every start. So the stamp
// also keeps the files' sizes and mtimes, and a start whose files all still match them skips
// the reading, as git does for its index. As with git's "racy" entries, sizes and mtimes are
// kept only when every mtime is older than any clock tick an unseen later edit could share.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..');

/** What the build reads. This file is one: it holds the server's build settings. */
export const BUILD_INPUTS = [
  'renderer',
  'shared',
  'electron',
  'emulator',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'scripts/build-stamp.mjs',
];

/** What the build writes: electron-vite's three bundles and the browser-mode server. */
export const BUILD_OUTPUTS = ['out/main', 'out/preload', 'out/renderer', 'out/web'];

export const STAMP_FILE = 'out/.build-stamp.json';

/** The browser-mode server (electron/web/cli.ts) as plain JavaScript, run by `npm run web`. */
export const WEB_SERVER = 'out/web/cli.mjs';

// No bundle imports a test, so editing one needs no build.
const IGNORED = /\.test\.[cm]?[jt]sx?$/;
// Coarser than any file system's mtime (FAT's is 2 s).
const MTIME_TICK_MS = 2_000;

/** @returns {{ file: string, size: number, mtimeMs: number }[]} the files at `paths`, sorted */
function scan(repo, paths) {
  const entries = [];
  const add = (file) => {
    const stats = statSync(join(repo, file));
    entries.push({ file, size: stats.size, mtimeMs: stats.mtimeMs });
  };
  for (const path of paths) {
    const full = join(repo, path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      add(path);
      continue;
    }
    for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || IGNORED.test(entry.name)) continue;
      add(relative(repo, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const statsOf = (entries) =>
  createHash('sha256')
    .update(entries.map((e) => `${e.file}\0${e.size}\0${e.mtimeMs}`).join('\n'))
    .digest('hex');

function contentsOf(repo, entries) {
  const hash = createHash('sha256');
  for (const { file } of entries) {
    const content = readFileSync(join(repo, file));
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

/** Their sizes and mtimes, unless one was written so lately that an edit could keep its mtime. */
function trustedStatsOf(entries) {
  const settled = Date.now() - MTIME_TICK_MS;
  return entries.every((e) => e.mtimeMs < settled) ? statsOf(entries) : null;
}

/**
 * The files at `paths` (files, or folders taken whole): a hash of their names and contents, and
 * of their names, sizes and mtimes when those can be trusted to change with the contents.
 * @param {string} repo
 * @param {readonly string[]} paths relative to `repo`
 * @returns {{ contents: string, stats: string | null }}
 */
export function fingerprint(repo, paths) {
  // Sizes and mtimes before contents: an edit in between then shows at the next start.
  const entries = scan(repo, paths);
  const stats = trustedStatsOf(entries);
  return { contents: contentsOf(repo, entries), stats };
}

/** Whether the files at `paths` are still those `recorded`, and their stats if they are. */
function compare(repo, paths, recorded) {
  const entries = scan(repo, paths);
  if (recorded?.stats && recorded.stats === statsOf(entries)) {
    return { same: true, stats: recorded.stats };
  }
  const stats = trustedStatsOf(entries);
  return { same: recorded?.contents === contentsOf(repo, entries), stats };
}

function readStamp(repo) {
  try {
    return JSON.parse(readFileSync(join(repo, STAMP_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

function saveStamp(repo, stamp) {
  mkdirSync(join(repo, 'out'), { recursive: true });
  writeFileSync(join(repo, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * Whether out/ holds a build of the current sources. When only mtimes moved, it records the new
 * ones, so the next start need not read the files again.
 * @param {string} [repo]
 * @returns {{ fresh: true } | { fresh: false, reason: string }}
 */
export function checkStamp(repo = REPO) {
  const stamp = readStamp(repo);
  if (!stamp) return { fresh: false, reason: 'no build recorded' };
  let sources;
  let outputs;
  try {
    sources = compare(repo, BUILD_INPUTS, stamp.sources);
    if (sources.same) outputs = compare(repo, BUILD_OUTPUTS, stamp.outputs);
  } catch {
    // A file vanished while it was read: something is changing the tree right now.
    return { fresh: false, reason: 'sources changed since the last build' };
  }
  if (!sources.same) return { fresh: false, reason: 'sources changed since the last build' };
  if (!outputs.same) return { fresh: false, reason: 'out/ changed since the last build' };
  if (sources.stats !== stamp.sources.stats || outputs.stats !== stamp.outputs.stats) {
    try {
      saveStamp(repo, {
        sources: { ...stamp.sources, stats: sources.stats },
        outputs: { ...stamp.outputs, stats: outputs.stats },
      });
    } catch {
      // Only a shortcut for the next start is lost.
    }
  }
  return { fresh: true };
}

/**
 * Records a successful build. `sources` is the fingerprint taken before the build started, so
 * an edit made while it ran shows as a change at the next start.
 * @param {string} repo
 * @param {{ contents: string, stats: string | null }} sources
 */
export function writeStamp(repo, sources) {
  saveStamp(repo, { sources, outputs: fingerprint(repo, BUILD_OUTPUTS) });
}

/** electron-vite's command, run with this Node rather than through npx, which costs a start. */
export function electronViteBin(repo = REPO) {
  const require = createRequire(join(repo, 'package.json'));
  const manifestPath = require.resolve('electron-vite/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), manifest.bin['electron-vite']);
}

async function buildWebServer(repo) {
  const { build } = await import('vite');
  // Vite sets NODE_ENV for its build; the server that runs next in this process must not
  // inherit it.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      configFile: false,
      root: repo,
      logLevel: 'error',
      publicDir: false,
      build: {
        // ssr: a Node bundle of the app's own code; packages stay imports from node_modules.
        ssr: join(repo, 'electron/web/cli.ts'),
        outDir: join(repo, dirname(WEB_SERVER)),
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs' } },
      },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Builds out/ (electron-vite's bundles and the browser-mode server) unless the stamp says it
 * is current.
 * @param {{ repo?: string }} [options]
 * @returns {Promise<{ built: boolean }>}
 */
export async function ensureBuild({ repo = REPO } = {}) {
  const status = checkStamp(repo);
  if (status.fresh) return { built: false };
  const sources = fingerprint(repo, BUILD_INPUTS);
  rmSync(join(repo, STAMP_FILE), { force: true });
  console.info(`Building the app (${status.reason})...`);
  const vite = spawnSync(
    process.execPath,
    [electronViteBin(repo), 'build', '--logLevel', 'error'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) throw new Error(`electron-vite build failed (exit ${vite.status})`);
  await buildWebServer(repo);
  writeStamp(repo, sources);
  return { built: true };
}
