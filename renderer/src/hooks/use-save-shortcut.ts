import { useEffect, useEffectEvent } from 'react';

/** Ctrl+S (Cmd+S on a Mac) saves, as in any editor; the browser's "save page" never opens. */
export function useSaveShortcut(onSave: () => void): void {
  const save = useEffectEvent(onSave);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') {
        return;
      }
      event.preventDefault();
      // A dialog on top owns the keyboard; saving behind it would surprise.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      save();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
