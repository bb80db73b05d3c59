import { useCallback, useState } from 'react';
import { pageStorage } from '../../navigation/where-i-was';

const STORAGE_KEY = 'dataset-manager:connections-collapsed';

/**
 * Whether the Connections pane is folded to a narrow strip. Kept in the page's storage so a
 * reload or the next start looks as the user left it; storage that cannot be read or written
 * only costs that convenience.
 */
export function useConnectionsCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return pageStorage()?.getItem(STORAGE_KEY) === 'true';
    } catch {
      return false;
    }
  });
  const change = useCallback((next: boolean) => {
    setCollapsed(next);
    try {
      pageStorage()?.setItem(STORAGE_KEY, String(next));
    } catch {
      // Storage full or refused: the choice lasts until the page reloads.
    }
  }, []);
  return [collapsed, change];
}
