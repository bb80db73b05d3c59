import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConfStore, settingsFilePath } from './settings-store';

const dataDir = mkdtempSync(join(tmpdir(), 'dm-conf-stores-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the browser-mode stores', () => {
  it.runIf(process.platform !== 'win32')(
    'write settings.json and drafts.json readable by their owner only (0600)',
    () => {
      for (const name of ['settings', 'drafts']) {
        const store = openConfStore(dataDir, name);
        store.set('k', 'v');
        expect(store.path).toBe(settingsFilePath(dataDir, name));
        expect(statSync(store.path).mode & 0o777, name).toBe(0o600);
      }
    },
  );
});
