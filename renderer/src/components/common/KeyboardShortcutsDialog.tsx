import { useState } from 'react';
import { useShortcut } from '../../hooks/use-shortcut';
import { onDemand } from './on-demand';

export type { KeyboardShortcutsDialogProps } from './KeyboardShortcutsDialogView';

/** The list of shortcuts (KeyboardShortcutsDialogView); rendered only while open. */
export const KeyboardShortcutsDialog = onDemand('KeyboardShortcutsDialog', () =>
  import('./KeyboardShortcutsDialogView').then((m) => m.KeyboardShortcutsDialogView),
);

/** F1 or `?` (not while typing) anywhere in the window shows the `Keyboard shortcuts` dialog. */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  useShortcut('shortcuts', () => setOpen(true));
  return open ? <KeyboardShortcutsDialog onClose={() => setOpen(false)} /> : null;
}
