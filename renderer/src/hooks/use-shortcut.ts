import { useEffect, useEffectEvent } from 'react';
import { matchesShortcut } from '../keyboard/shortcuts';
import type { ShortcutId } from '../keyboard/shortcuts';

/** Whether a modal dialog is open: it owns the keyboard, and acting behind it would surprise. */
export function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}

/**
 * Runs `onShortcut` for the keys the shortcuts table (keyboard/shortcuts) gives `id`, while
 * mounted and no dialog is open. The browser's own use of the keys (Ctrl+S: save the page) is
 * prevented even then, so a dialog never lets it through.
 */
export function useShortcut(
  id: ShortcutId,
  onShortcut: () => void,
  { whileDialogOpen = false }: { whileDialogOpen?: boolean } = {},
): void {
  const run = useEffectEvent(onShortcut);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matchesShortcut(event, id)) return;
      event.preventDefault();
      if (!whileDialogOpen && dialogIsOpen()) return;
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id, whileDialogOpen]);
}
