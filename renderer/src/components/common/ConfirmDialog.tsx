import { useState } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialogView';
import { onDemand } from './on-demand';

export type { ConfirmDialogProps } from './ConfirmDialogView';

const View = onDemand('ConfirmDialog', () =>
  import('./ConfirmDialogView').then((m) => m.ConfirmDialogView),
);

/**
 * A question before something that cannot be undone (or loses work), as a modal Fluent dialog
 * (ConfirmDialogView). Its code is not part of the page's start: nothing is rendered until it
 * is first asked; from then on it stays mounted, so it closes, and gives focus back, as
 * Fluent's Dialog does.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [asked, setAsked] = useState(props.open);
  if (props.open && !asked) setAsked(true);
  return asked ? <View {...props} /> : null;
}
