// `npm run web`: builds the UI and the server when their sources changed (scripts/build-stamp.mjs),
// then serves the UI with the app's services (electron/web/cli.ts, built to out/web/cli.mjs).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, WEB_SERVER, ensureBuild } from './build-stamp.mjs';

try {
  await ensureBuild();
} catch (error) {
  console.error(`npm run web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// In this process rather than a child: one Node start less, and a signal sent to this process
// reaches the server itself. The server reads its arguments from process.argv, as ours.
await import(pathToFileURL(join(REPO, WEB_SERVER)).href);
