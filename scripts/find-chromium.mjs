// The e2e tests use a Chromium from the system (Debian's package here); Playwright's own
// browser download is never used, since these machines cannot reach its servers.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_HELP =
  'No Chromium found for the e2e tests. Install it (Debian/Ubuntu: `apt-get install -y chromium`) ' +
  'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome executable.';

/** @returns {string | undefined} */
export function findChromium(env = process.env) {
  const candidates = env.PLAYWRIGHT_CHROMIUM_PATH
    ? [env.PLAYWRIGHT_CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
