import { useCallback, useRef, useState } from 'react';
import { editorReducer, initialEditorState } from '../editor/editor-state';
import type { EditorEvent, EditorState } from '../editor/editor-state';

/**
 * The editor's state (editor/editor-state) for a component. `send` says at once whether the
 * event was taken, so the editor starts a save or a read only when it was; the state is kept
 * beside the render as well, so two clicks before the next render cannot both start one, and
 * a request that ends reads the state as it is then, not as it was when it began.
 */
export function useEditorState(justCreated: boolean) {
  const [state, setState] = useState(() => initialEditorState(justCreated));
  const latest = useRef<EditorState>(state);
  const current = useCallback(() => latest.current, []);
  /** Whether `event` would be taken now; nothing changes. */
  const accepts = useCallback(
    (event: EditorEvent) => editorReducer(latest.current, event) !== latest.current,
    [],
  );
  const send = useCallback((event: EditorEvent): boolean => {
    const next = editorReducer(latest.current, event);
    if (next === latest.current) return false;
    latest.current = next;
    setState(next);
    return true;
  }, []);
  return { state, current, accepts, send };
}
