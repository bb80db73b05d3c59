import { useLayoutEffect, useRef, useState } from 'react';

/** Whether focus is nowhere, or still where the closing dialog left it. */
function focusLost(closing: Element | null): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected || active === closing;
}

/**
 * Gives focus back to the control that opened a dialog when it closes, the way a dialog
 * rendered once and toggled by Fluent's DialogTrigger would. Our dialogs are mounted only
 * while open (their code loads on demand), and Fluent's Dialog does not restore focus when it
 * is unmounted: the keyboard user would be left on the page's body, at its start.
 *
 * The opener is read while rendering the first open frame, before the dialog's own effects
 * move focus inside it. On close, focus goes back only if it was lost (on the body, or still
 * where the closing dialog had it): a close that moved focus somewhere on purpose keeps it there. Nothing happens
 * if the opener left the page (the deleted dataset's editor).
 */
function focusedElement(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

export function useReturnFocus(open = true): void {
  const [opener, setOpener] = useState(() => (open ? focusedElement() : null));
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpener(focusedElement());
  }

  const showing = useRef(false);
  useLayoutEffect(() => {
    if (!open || !opener) return;
    showing.current = true;
    return () => {
      showing.current = false;
      const closing = document.activeElement;
      // After the dialog's nodes are gone and Fluent's focus trap has let go. StrictMode's
      // rehearsal closes and opens again at once: that is no close.
      requestAnimationFrame(() => {
        if (!showing.current && opener.isConnected && focusLost(closing)) opener.focus();
      });
    };
  }, [open, opener]);
}
