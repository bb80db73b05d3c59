import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, checkStamp, fingerprint, writeStamp } from './build-stamp.mjs';

let repo: string;

function put(path: string, content: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
}

/** What a successful build leaves: its outputs, then the stamp. */
function build() {
  const sources = fingerprint(repo, BUILD_INPUTS);
  put('out/renderer/index.html', '<!doctype html><div id="root"></div>');
  put('out/web/cli.mjs', 'console.info("running");');
  writeStamp(repo, sources);
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'dm-build-stamp-'));
  put('renderer/index.html', '<!doctype html>');
  put('renderer/src/App.tsx', 'export const App = () => null;');
  put('electron/web/cli.ts', 'console.info("cli");');
  put('package-lock.json', '{"lockfileVersion": 3}');
});

/** Every file as if last written an hour ago, long enough that sizes and mtimes are trusted. */
function settle() {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(repo, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), anHourAgo, anHourAgo);
  }
}

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('the build stamp (whether a start must build out/ first)', () => {
  it('asks for a build when none was recorded', () => {
    put('out/renderer/index.html', 'an old build, from before stamps');
    expect(checkStamp(repo)).toEqual({ fresh: false, reason: 'no build recorded' });
  });

  it('skips the build when nothing changed since the last one', () => {
    build();
    expect(checkStamp(repo)).toEqual({ fresh: true });
  });

  it('skips the build when a file was only touched, its content the same', () => {
    build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(repo, 'renderer/src/App.tsx'), later, later);
    expect(checkStamp(repo)).toEqual({ fresh: true });
  });

  it.each([
    ['a source is edited', () => put('renderer/src/App.tsx', 'export const App = () => 1;')],
    ['a source is added', () => put('electron/web/extra.ts', 'export {};')],
    ['a source is deleted', () => rmSync(join(repo, 'renderer/index.html'))],
    ['the dependencies change', () => put('package-lock.json', '{"lockfileVersion": 4}')],
    [
      'a source is renamed',
      () => {
        rmSync(join(repo, 'electron/web/cli.ts'));
        put('electron/web/cli2.ts', 'console.info("cli");');
      },
    ],
  ])('asks for a build when %s', (_, change) => {
    build();
    change();
    expect(checkStamp(repo)).toEqual({
      fresh: false,
      reason: 'sources changed since the last build',
    });
  });

  it('asks for a build when something else rewrote or removed the built files', () => {
    build();
    put('out/web/cli.mjs', 'a development build');
    expect(checkStamp(repo)).toEqual({ fresh: false, reason: 'out/ changed since the last build' });

    build();
    rmSync(join(repo, 'out/renderer'), { recursive: true });
    expect(checkStamp(repo)).toEqual({ fresh: false, reason: 'out/ changed since the last build' });
  });

  it('needs no build for an edited test, which no bundle includes', () => {
    put('renderer/src/App.test.tsx', 'it("renders", () => {});');
    build();
    put('renderer/src/App.test.tsx', 'it("renders twice", () => {});');
    expect(checkStamp(repo)).toEqual({ fresh: true });
  });

  it('asks for a build when a source changed while the last build ran', () => {
    const sources = fingerprint(repo, BUILD_INPUTS);
    put('renderer/src/App.tsx', 'export const App = () => "edited during the build";');
    put('out/renderer/index.html', '<!doctype html>');
    writeStamp(repo, sources);
    expect(checkStamp(repo).fresh).toBe(false);
  });

  describe('once every file is older than a clock tick (sizes and mtimes kept)', () => {
    it('skips the build when nothing changed', () => {
      settle();
      build();
      settle();
      expect(checkStamp(repo)).toEqual({ fresh: true });
      expect(checkStamp(repo)).toEqual({ fresh: true });
    });

    it('asks for a build when a source is edited, even to the same size', () => {
      settle();
      build();
      settle();
      put('renderer/src/App.tsx', 'export const App = () => 0000;');
      expect(checkStamp(repo).fresh).toBe(false);
    });

    it('skips the build after a touch, and again after it', () => {
      settle();
      build();
      settle();
      const now = new Date();
      utimesSync(join(repo, 'renderer/src/App.tsx'), now, now);
      expect(checkStamp(repo)).toEqual({ fresh: true });
      expect(checkStamp(repo)).toEqual({ fresh: true });
      put('renderer/src/App.tsx', 'export const App = () => "edited after the touch";');
      expect(checkStamp(repo).fresh).toBe(false);
    });
  });

  it('asks for a build when an edit within the same clock tick kept size and mtime', () => {
    // A file system with a coarse clock gives an edit made right after the build the same
    // mtime: the stamp must not trust mtimes that recent.
    const file = join(repo, 'renderer/src/App.tsx');
    const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(file, tick, tick);
    build();
    put('renderer/src/App.tsx', 'export const App = () => 1234;');
    utimesSync(file, tick, tick);
    expect(checkStamp(repo)).toEqual({
      fresh: false,
      reason: 'sources changed since the last build',
    });
  });
});
