import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

describe('npm run dist (scripts/dist.mjs)', () => {
  it('without the Electron binary, fails with one line that says how to get it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dm-no-electron-'));
    try {
      // An empty folder as Electron's, so the run is the same whether or not this machine
      // has the binary, and never starts a real packaging.
      const result = spawnSync(process.execPath, ['scripts/dist.mjs'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/Electron binary/);
      expect(lines[0]).toMatch(/`npx install-electron`/);
      expect(lines[0]).toMatch(/npm run dist again/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
