import { onDemand } from './on-demand';

const Keeper = onDemand('FocusManagerKeeper', () =>
  import('./ConfirmDialogView').then((m) => m.FocusManagerKeeper),
);

/**
 * Keeps Fluent's focus manager (tabster) alive for the rest of the page's life, from the moment
 * its code (the dialogs' chunk) arrives just after the first paint: long before anyone can open
 * and close a dialog.
 *
 * A modal Fluent dialog hides the rest of the page from assistive technology (aria-hidden)
 * through tabster, which is shared, counted by its users, and disposed with the last. Disposed
 * as a dialog closes, it does not undo that aria-hidden: the page would stay hidden from screen
 * readers. Dialogs that were always mounted (closed) used to hold it; now that dialogs load on
 * demand and are mounted only while open, this does. Its code is the dialogs' own Fluent code,
 * so it costs the page's start nothing.
 */
export function KeepFocusManager() {
  return <Keeper />;
}
