import { focusManager } from '@tanstack/react-query';

/**
 * React Query hears only `visibilitychange`, which a desktop window never sends when the user
 * comes back to it from another app: it stays visible behind that app. Listening to the
 * window's own `focus` as well makes "refetch on focus" mean what a user expects, in Electron
 * and in a browser window alike. Only queries that opt in (refetchOnWindowFocus) refetch.
 */
export function refetchOnWindowFocusToo(target: Window = window): () => void {
  const listen = (onFocus: () => void) => {
    const listener = () => onFocus();
    target.addEventListener('visibilitychange', listener, false);
    target.addEventListener('focus', listener, false);
    return () => {
      target.removeEventListener('visibilitychange', listener);
      target.removeEventListener('focus', listener);
    };
  };
  focusManager.setEventListener(listen);
  return () => focusManager.setEventListener(() => undefined);
}
