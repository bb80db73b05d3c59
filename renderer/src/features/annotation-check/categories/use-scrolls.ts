import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the box scrolls (its content is taller or wider than it), kept up to date as the
 * window or the content changes: a box that scrolls must take keyboard focus, so a keyboard
 * can reach what is out of view; one that does not should not be an extra tab stop. `content`
 * changes when what the box shows does (a page, `Show all`).
 */
export function useScrolls(box: RefObject<HTMLElement | null>, content: unknown): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () =>
      setScrolls(
        element.scrollHeight > element.clientHeight + 1 ||
          element.scrollWidth > element.clientWidth + 1,
      );
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The content grows or shrinks inside a box of the same size: watch it too.
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, [box, content]);
  return scrolls;
}
