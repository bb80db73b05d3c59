import { startWebApp } from './web-app';
import type { WebApp } from './web-app';

/**
 * The app dies as in a crash or a power cut (SIGKILL: nothing is flushed, nothing asked), then
 * starts again on the same data folder, as the user would start it.
 */
export async function crashAndRestart(app: WebApp): Promise<WebApp> {
  const exited = new Promise<void>((resolve) => app.process.once('exit', () => resolve()));
  app.process.kill('SIGKILL');
  await exited;
  return startWebApp(app.dataDir);
}
