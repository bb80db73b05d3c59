/** What main knows about the frame that sent an IPC message. */
export interface SenderInfo {
  /** The sending frame's URL, or undefined when the frame is gone. */
  url: string | undefined;
  /** Only our top-level page may call; an iframe, even of our own origin, may not. */
  isMainFrame: boolean;
}

/**
 * Accepts only our own page: the main frame, loaded from the app's origin (the custom
 * protocol in production, the Vite dev server in development).
 */
export function isTrustedSender(sender: SenderInfo, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || sender.url === undefined) return false;
  let origin: string;
  try {
    const url = new URL(sender.url);
    // URL.origin is "null" for custom schemes, so build it from the parts.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}
