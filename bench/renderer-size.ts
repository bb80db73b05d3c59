import { existsSync, readFileSync } from 'node:fs';
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

/** The renderer's JavaScript fetched at start, each file gzipped (level 9) as a server would. */
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
  const files = new Map<string, { rawBytes: number; gzipBytes: number }>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file);
    files.set(file, { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
    queue.push(...staticImports(code.toString('utf8')).map((s) => resolve(dirname(file), s)));
  }
  const gzipBytes = [...files.values()].reduce((sum, f) => sum + f.gzipBytes, 0);
  const rawBytes = [...files.values()].reduce((sum, f) => sum + f.rawBytes, 0);
  return measured(
    'rendererGzipKB',
    round(gzipBytes / 1024, 1),
    {
      gzipLevel: 9,
      rawKB: round(rawBytes / 1024, 1),
      built: build.built,
      ...(build.fresh ? {} : { stale: true, buildProblem: build.problem }),
      files: Object.fromEntries(
        [...files].map(([file, sizes]) => [relative(RENDERER_OUT, file), sizes]),
      ),
    },
    build.fresh ? undefined : 'measured on an older build: the current sources did not build',
  );
}
