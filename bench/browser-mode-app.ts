import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAppServices } from '../electron/core/app-services';
import { createKeyFileCipher } from '../electron/core/secrets/key-file-cipher';
import { openConfStore } from '../electron/core/settings/settings-store';
import { BRIDGE_PREFIX, startWebServer } from '../electron/web/server';
import type { Result } from '../shared/ipc/errors';

/**
 * Browser mode in this process, composed as electron/web/cli.ts composes it: the app's services
 * behind the HTTP bridge. Calls go over HTTP with the start's token, as the page's do.
 */
export async function startBrowserModeApp() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-app-'));
  const cipher = await createKeyFileCipher(dataDir);
  if (!cipher.ok) throw new Error(cipher.error.message);
  const services = await createAppServices({
    mode: 'browser',
    version: 'bench',
    dataDir,
    store: openConfStore(dataDir, 'settings'),
    draftsStore: openConfStore(dataDir, 'drafts'),
    cipher: cipher.value,
    fetch: globalThis.fetch,
  });
  const server = await startWebServer({
    port: 0,
    staticDir: resolve(import.meta.dirname, '..', 'out', 'renderer'),
    dispatch: services.dispatch,
  });
  const origin = `http://127.0.0.1:${server.port}`;

  /** One bridge call; throws unless the answer is ok, since a benchmark of failures is no use. */
  async function call<T>(channel: string, payload: unknown): Promise<T> {
    const response = await fetch(`${origin}${BRIDGE_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(payload),
    });
    const result = (await response.json()) as Result<T>;
    if (!result.ok)
      throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    return result.value;
  }

  return {
    call,
    async close() {
      await server.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BrowserModeApp = Awaited<ReturnType<typeof startBrowserModeApp>>;
