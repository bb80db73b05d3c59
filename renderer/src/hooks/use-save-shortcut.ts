import { useShortcut } from './use-shortcut';

/** Ctrl+S (Cmd+S on a Mac) saves, as in any editor; the browser's "save page" never opens. */
export function useSaveShortcut(onSave: () => void): void {
  useShortcut('save', onSave);
}
