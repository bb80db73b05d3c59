import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const depcruise = join(repo, 'node_modules/.bin/depcruise');
/** The packages the project declares: the only ones its code may import. */
const { dependencies, devDependencies } = JSON.parse(
  readFileSync(join(repo, 'package.json'), 'utf8'),
) as Record<string, Record<string, string>>;
let dirs: string[] = [];

/** Lays out a throwaway project with the given files and runs the project's own rules on it. */
function cruise(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'depcheck-'));
  dirs.push(dir);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies, devDependencies }));
  writeFileSync(
    join(dir, 'tsconfig.node.json'),
    '{"compilerOptions":{"moduleResolution":"bundler"}}',
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const folders = [...new Set(Object.keys(files).map((p) => p.split('/')[0]!))];
  const run = spawnSync(
    depcruise,
    [...folders, '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8' },
  );
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the one direction of imports', () => {
  it('lets renderer and electron import shared, and shared import zod', () => {
    const r = cruise({
      'shared/a.ts': "import { z } from 'zod';\nexport const a = z.string();\n",
      'renderer/app.ts': "import { a } from '../shared/a';\nexport const b = a;\n",
      'electron/core/c.ts': "import { a } from '../../shared/a';\nexport const c = a;\n",
      'electron/main/m.ts': "import { app } from 'electron';\nexport const m = app;\n",
      'electron/core/s.ts': "import Conf from 'conf';\nexport const s = Conf;\n",
      'emulator/e.ts':
        "import { a } from '../shared/a';\nimport 'node:http';\nexport const e = a;\n",
    });
    expect(r.output).not.toMatch(/error/i);
    expect(r.ok).toBe(true);
  });

  it('lets tests, e2e and bench use the test fakes', () => {
    const r = cruise({
      'electron/test-support/fake.ts': "import '../core/c';\nexport const fake = 1;\n",
      'electron/test-support/helper.ts': "import './fake';\nexport {};\n",
      'electron/core/c.ts': 'export const c = 1;\n',
      'electron/core/c.test.ts': "import '../test-support/fake';\nexport {};\n",
      'e2e/flow.ts': "import '../electron/test-support/fake';\nexport {};\n",
      'bench/run.ts': "import '../electron/test-support/fake';\nexport {};\n",
    });
    expect(r.output).not.toMatch(/error/i);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['renderer-no-main-or-emulator', 'renderer/x.ts', "import '../electron/core/secret';"],
    ['renderer-no-main-or-emulator', 'renderer/x.ts', "import '../emulator/server';"],
    ['renderer-no-node', 'renderer/x.ts', "import 'node:fs';"],
    ['renderer-no-node', 'renderer/x.ts', "import 'path';"],
    ['renderer-no-electron', 'renderer/x.ts', "import 'electron';"],
    ['shared-stays-pure', 'shared/x.ts', "import '../renderer/y';"],
    ['shared-stays-pure', 'shared/x.ts', "import 'node:crypto';"],
    ['shared-stays-pure', 'shared/x.ts', "import 'react';"],
    ['emulator-stands-alone', 'emulator/x.ts', "import '../electron/core/secret';"],
    ['electron-import-only-in-shell', 'electron/core/x.ts', "import 'electron';"],
    // Installed only because conf needs it: present today, gone or changed with conf's next version.
    ['no-non-package-json', 'electron/core/x.ts', "import 'atomically';"],
    ['production-no-test-support', 'electron/core/x.ts', "import '../test-support/fake';"],
    ['production-no-test-support', 'electron/main/x.ts', "import '../test-support/fake';"],
  ])('refuses %s: %s with %s', (rule, file, source) => {
    const r = cruise({
      [file]: `${source}\nexport {};\n`,
      'renderer/y.ts': 'export {};\n',
      'electron/core/secret.ts': 'export {};\n',
      'emulator/server.ts': 'export {};\n',
      'electron/test-support/fake.ts': 'export {};\n',
    });
    expect(r.ok).toBe(false);
    expect(r.output).toContain(rule);
  });
});
