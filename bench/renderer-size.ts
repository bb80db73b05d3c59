import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './figure';
import { measured, unmeasured } from './figure';
import type { RendererBuild } from './renderer-build';
import { RENDERER_OUT } from './renderer-build';
import { round } from './stats';

/** Scripts the page asks for at once: module scripts and modulepreload links. */
function entryScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag) && /\bsrc=/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isScript || isPreload) && url && !/^[a-z]+:/i.test(url)) found.push(url);
  }
  return found;
}

/** Static imports and re-exports of a built ES module; `import(...)` is loaded later, not here. */
function staticImports(code: string): string[] {
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  return [...code.matchAll(pattern)].map((m) => m[1]!).filter((s) => s.startsWith('.'));
}

interface FileSizes {
  rawBytes: number;
  gzipBytes: number;
}

function sizesOf(code: Buffer): FileSizes {
  return { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

function totalKB(files: Map<string, FileSizes>, key: keyof FileSizes): number {
  return round([...files.values()].reduce((sum, f) => sum + f[key], 0) / 1024, 1);
}

function byPath(files: Map<string, FileSizes>): Record<string, FileSizes> {
  return Object.fromEntries(
    [...files].map(([file, sizes]) => [relative(RENDERER_OUT, file), sizes]),
  );
}

/** Every .js file under `dir`, as absolute paths. */
function scriptsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.js'))
    .map((entry) => join(dir, entry))
    .sort();
}

/**
 * The renderer's JavaScript fetched at start, each file gzipped (level 9) as a server would:
 * the figure. Beside it, apart, the code loaded on demand (dynamic `import()`: the editors and
 * dialogs), which is every other .js file of the build.
 */
export function measureRendererSize(build: RendererBuild): Figure {
  const indexPath = join(RENDERER_OUT, 'index.html');
  if (!existsSync(indexPath)) {
    return unmeasured(
      'rendererGzipKB',
      `No out/renderer/index.html. ${build.problem ?? ''}`.trim(),
    );
  }
  const queue = entryScripts(readFileSync(indexPath, 'utf8')).map((url) =>
    resolve(RENDERER_OUT, url.replace(/^\//, '')),
  );
  const atStart = new Map<string, FileSizes>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (atStart.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file);
    atStart.set(file, sizesOf(code));
    queue.push(...staticImports(code.toString('utf8')).map((s) => resolve(dirname(file), s)));
  }
  const onDemand = new Map<string, FileSizes>(
    scriptsUnder(join(RENDERER_OUT, 'assets'))
      .filter((file) => !atStart.has(file))
      .map((file) => [file, sizesOf(readFileSync(file))]),
  );
  return measured(
    'rendererGzipKB',
    totalKB(atStart, 'gzipBytes'),
    {
      gzipLevel: 9,
      rawKB: totalKB(atStart, 'rawBytes'),
      onDemandGzipKB: totalKB(onDemand, 'gzipBytes'),
      onDemandRawKB: totalKB(onDemand, 'rawBytes'),
      built: build.built,
      ...(build.fresh ? {} : { stale: true, buildProblem: build.problem }),
      // Loaded at start: the figure.
      files: byPath(atStart),
      // Loaded when first needed, or when the page is idle after start: not in the figure.
      onDemandFiles: byPath(onDemand),
    },
    build.fresh ? undefined : 'measured on an older build: the current sources did not build',
  );
}
