/**
 * Hosts whose pages the system browser may be asked to open. shell.openExternal hands a URL to
 * whatever the system does with it, so a page that was ever made to open an arbitrary link
 * (an injected link, a dataset value rendered as one) must not reach the open web through it:
 * only Microsoft's documentation, the one place the app has reason to send a user.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set(['learn.microsoft.com']);

/**
 * The page never navigates away from the app and never opens windows. A link to an https page
 * on one of EXTERNAL_LINK_HOSTS is handed to the system browser instead; anything else (other
 * hosts, file:, javascript:, custom schemes, plain http, credentials or another port) goes
 * nowhere.
 */
export function isExternalLinkAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.port === '' &&
    u.username === '' &&
    u.password === '' &&
    EXTERNAL_LINK_HOSTS.has(u.hostname)
  );
}

export function isInAppNavigation(url: string, trustedOrigins: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return trustedOrigins.includes(`${u.protocol}//${u.host}`);
  } catch {
    return false;
  }
}
