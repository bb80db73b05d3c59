/**
 * The page never navigates away from the app and never opens windows. A link to an https
 * page is handed to the system browser instead; anything else (file:, javascript:, custom
 * schemes, plain http) goes nowhere.
 */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function isInAppNavigation(url: string, trustedOrigins: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return trustedOrigins.includes(`${u.protocol}//${u.host}`);
  } catch {
    return false;
  }
}
