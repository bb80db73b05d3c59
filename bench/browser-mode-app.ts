import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
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
    readThumbnail: services.readThumbnail,
  });
  // The page's side of the bridge is the bench's instrument, not the app: node:http on a
  // keep-alive socket is the leanest client there is, so what a call costs above a bare request
  // is the app's (server, dispatcher, handlers, client), as little of the bench's as can be.
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  /** One bridge call; throws unless the answer is ok, since a benchmark of failures is no use. */
  function call<T>(channel: string, payload: unknown): Promise<T> {
    const body = JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `${BRIDGE_PREFIX}${channel}`,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Authorization: `Bearer ${server.token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            try {
              const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<T>;
              if (result.ok) return resolve(result.value);
              reject(new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`));
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The same call straight into the dispatcher, as Electron's IPC handler makes it. */
  async function dispatch<T>(channel: string, payload: unknown): Promise<T> {
    const result = (await services.dispatch(channel, payload)) as Result<T>;
    if (!result.ok) {
      throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
    }
    return result.value;
  }

  return {
    call,
    dispatch,
    async close() {
      agent.destroy();
      await server.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BrowserModeApp = Awaited<ReturnType<typeof startBrowserModeApp>>;
