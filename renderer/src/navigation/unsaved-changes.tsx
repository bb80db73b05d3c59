import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { ConfirmDialog } from '../components/common/ConfirmDialog';

interface UnsavedState {
  dirty: boolean;
  /** What has the edits, for the question ("your changes to flowers"). */
  subject: string;
  /** Called when the user agrees to lose the edits, so nothing keeps them (their draft). */
  onDiscard?: () => void;
}

interface UnsavedChangesApi {
  /** The editor reports whether it holds edits that were not saved. */
  report: (state: UnsavedState) => void;
  /** Runs `proceed` at once, or after the user agreed to drop the unsaved edits. */
  leave: (proceed: () => void) => void;
}

const UnsavedChangesContext = createContext<UnsavedChangesApi | null>(null);

/**
 * One place decides whether leaving the editor loses work: every way out (another dataset,
 * another connection, New dataset, removing the connection) asks through `leave`.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const state = useRef<UnsavedState>({ dirty: false, subject: '' });
  const [pending, setPending] = useState<{
    proceed: () => void;
    subject: string;
    onDiscard?: () => void;
  } | null>(null);

  const report = useCallback((next: UnsavedState) => {
    state.current = next;
  }, []);
  const leave = useCallback((proceed: () => void) => {
    if (!state.current.dirty) proceed();
    else
      setPending({ proceed, subject: state.current.subject, onDiscard: state.current.onDiscard });
  }, []);

  // Closing or reloading the page would lose edits too: a browser asks itself, and the desktop
  // app asks in main's dialog (will-prevent-unload).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (state.current.dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const api = useMemo(() => ({ report, leave }), [report, leave]);
  return (
    <UnsavedChangesContext.Provider value={api}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        title="Discard unsaved changes?"
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        destructive
        onCancel={() => setPending(null)}
        onConfirm={() => {
          // The editor clears the flag itself when it closes; if the way out is cancelled
          // later (e.g. removing its connection), its edits are still there and still count.
          const proceed = pending?.proceed;
          pending?.onDiscard?.();
          setPending(null);
          proceed?.();
        }}
      >
        <p>
          You changed {pending?.subject ?? 'this dataset'} and have not saved. If you go on, your
          changes are lost.
        </p>
      </ConfirmDialog>
    </UnsavedChangesContext.Provider>
  );
}

function useUnsavedChanges(): UnsavedChangesApi {
  const api = useContext(UnsavedChangesContext);
  if (!api) throw new Error('This needs an <UnsavedChangesProvider> above it.');
  return api;
}

/** For navigation: `leave(() => select(other))`. */
export function useLeaveGuard(): (proceed: () => void) => void {
  return useUnsavedChanges().leave;
}

/** For the editor: keeps the guard told while it is on screen, and clears it when it goes. */
export function useReportUnsavedChanges(
  dirty: boolean,
  subject: string,
  onDiscard?: () => void,
): void {
  const { report } = useUnsavedChanges();
  useEffect(() => {
    report({ dirty, subject, onDiscard });
  }, [report, dirty, subject, onDiscard]);
  useEffect(() => () => report({ dirty: false, subject: '' }), [report]);
}
