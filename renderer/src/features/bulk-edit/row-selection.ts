import { useCallback, useState } from 'react';

/** Rows checked for `Edit selected`, by name, so a check survives filtering and sorting. */
export interface RowSelection {
  checked: ReadonlySet<string>;
  /** A click on a row's box; with Shift, every row between it and the last one clicked too. */
  onCheck: (name: string, shiftKey: boolean, orderedNames: readonly string[]) => void;
  /** Checks (or clears) these names: Ctrl+A and the header's box, over the rows shown. */
  onCheckAll: (names: readonly string[], check: boolean) => void;
  clear: () => void;
}

/** Selection for one connection's list: another connection starts with none. */
export function useRowSelection(connectionId: string | undefined): RowSelection {
  const [state, setState] = useState<SelectionState>(() => ({
    owner: connectionId,
    names: EMPTY,
  }));
  const checked = state.owner === connectionId ? state.names : EMPTY;
  // Another connection's names mean nothing here.
  if (state.owner !== connectionId) setState({ owner: connectionId, names: EMPTY });

  const onCheck = useCallback(
    (name: string, shiftKey: boolean, orderedNames: readonly string[]) => {
      setState((now) => {
        const next = new Set(now.names);
        const check = !now.names.has(name);
        const from = now.anchor === undefined ? -1 : orderedNames.indexOf(now.anchor);
        const to = orderedNames.indexOf(name);
        if (shiftKey && from >= 0 && to >= 0) {
          const [low, high] = from < to ? [from, to] : [to, from];
          for (const n of orderedNames.slice(low, high + 1)) {
            if (check) next.add(n);
            else next.delete(n);
          }
        } else if (check) next.add(name);
        else next.delete(name);
        return { owner: now.owner, names: next, anchor: name };
      });
    },
    [],
  );

  const onCheckAll = useCallback((names: readonly string[], check: boolean) => {
    setState((now) => {
      const next = new Set(now.names);
      for (const n of names) {
        if (check) next.add(n);
        else next.delete(n);
      }
      return { owner: now.owner, names: next };
    });
  }, []);

  const clear = useCallback(() => setState((now) => ({ owner: now.owner, names: EMPTY })), []);
  return { checked, onCheck, onCheckAll, clear };
}

const EMPTY: ReadonlySet<string> = new Set();

interface SelectionState {
  owner: string | undefined;
  names: ReadonlySet<string>;
  /** The row last clicked, where a Shift-click's range starts. */
  anchor?: string;
}
