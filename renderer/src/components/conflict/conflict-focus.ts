import { useEffect, useRef, useState } from 'react';

/**
 * Focus on the dialog's safe choice when it opens, and again when theirs was read anew (a
 * third writer: the picks need a fresh look). Fluent's Dialog focuses its first focusable
 * element in an effect and ignores autoFocus; the caller renders that Dialog, and a parent's
 * effects run after its children's, so this focus has the last word.
 */
export function useSafeChoiceFocus(round: number) {
  const safeChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => safeChoice.current?.focus(), [round]);
  return safeChoice;
}

/**
 * Overwrite with mine throws a colleague's work away, so it asks first. A cancelled question
 * gives focus back to the button that asked it, where the keyboard user left off.
 */
export function useOverwriteQuestion(onOverwrite: () => void) {
  const [asking, setAsking] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (asking || !refocus.current) return;
    refocus.current = false;
    buttonRef.current?.focus();
  }, [asking]);
  return {
    asking,
    buttonRef,
    ask: () => setAsking(true),
    cancel: () => {
      refocus.current = true;
      setAsking(false);
    },
    confirm: () => {
      setAsking(false);
      onOverwrite();
    },
  };
}
