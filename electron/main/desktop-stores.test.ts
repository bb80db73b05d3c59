import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as DesktopStores from './desktop-stores';

// The real electron-store, under plain Node: it asks Electron for the app's paths only when no
// absolute cwd is given, but imports 'electron' first, which throws without the binary. So
// 'electron' resolves to an empty module in this test process (vi.mock cannot reach an import
// made inside node_modules).
const EMPTY_ELECTRON = 'data:text/javascript,export default {}';
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return { url: ${JSON.stringify(EMPTY_ELECTRON)}, shortCircuit: true };
      return next(specifier, context);
    }`,
  )}`,
);

let openDesktopStore: typeof DesktopStores.openDesktopStore;
let dataDir: string;
beforeAll(async () => {
  // Imported only now, after the hook above is in place.
  ({ openDesktopStore } = await import('./desktop-stores'));
  dataDir = mkdtempSync(join(tmpdir(), 'dm-desktop-stores-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the desktop stores', () => {
  it.runIf(process.platform !== 'win32')(
    'write settings.json and drafts.json readable by their owner only (0600)',
    () => {
      for (const name of ['settings', 'drafts'] as const) {
        const store = openDesktopStore(dataDir, name);
        store.set('k', 'v');
        expect(store.path).toBe(join(dataDir, `${name}.json`));
        expect(statSync(store.path).mode & 0o777, name).toBe(0o600);
      }
    },
  );
});
