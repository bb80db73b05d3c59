import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
export const RENDERER_OUT = join(repo, 'out', 'renderer');

/** What the renderer bundle is built from. */
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path, { recursive: true, encoding: 'utf8' }).reduce(
    (newest, entry) => Math.max(newest, statSync(join(path, entry)).mtimeMs),
    stats.mtimeMs,
  );
}

export interface RendererBuild {
  /** Whether out/renderer holds a build of the current sources. */
  fresh: boolean;
  built: boolean;
  /** Why out/renderer may not match the sources (the build failed), if so. */
  problem?: string;
}

/** Builds out/ with electron-vite when it is missing or older than any of its sources. */
export function ensureRendererBuild(): RendererBuild {
  const index = join(RENDERER_OUT, 'index.html');
  const sourcesChanged = Math.max(
    ...SOURCES.map((s) => join(repo, s))
      .filter(existsSync)
      .map(newestChange),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesChanged) {
    return { fresh: true, built: false };
  }
  const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'error'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (build.status === 0) return { fresh: true, built: true };
  const output = `${build.stdout}${build.stderr}`.trim().split('\n').slice(-5).join(' ');
  return { fresh: false, built: false, problem: `electron-vite build failed: ${output}` };
}
