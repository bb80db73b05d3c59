import { homedir } from 'node:os';
import { join } from 'node:path';

/** The user's config folder for the app, as Electron's userData would be, for browser mode. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Dataset Manager');
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Dataset Manager');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Dataset Manager');
}
