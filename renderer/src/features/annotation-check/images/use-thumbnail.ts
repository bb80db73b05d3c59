import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { holdThumbnail, releaseThumbnail } from './thumbnail-loader';
import type { ThumbnailState } from './thumbnail-loader';

/** Tiles this far below (or above) the visible part are read before they are scrolled to. */
const NEAR_MARGIN = '400px';

/** Whether the element is in view or near it; true where IntersectionObserver is missing. */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => setNear(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return near;
}

/**
 * The thumbnail of `id` while `wanted`: read from main once, then from the page's cache. It is
 * held while wanted, so its URL is not revoked under the image that shows it.
 */
export function useThumbnail(id: string, wanted: boolean): ThumbnailState | undefined {
  const [state, setState] = useState<{ id: string; value: ThumbnailState } | undefined>();
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let held = false;
    void holdThumbnail(id).then((value) => {
      held = value.status === 'ready';
      if (live) setState({ id, value });
      else if (held) releaseThumbnail(id);
    });
    return () => {
      live = false;
      if (held) releaseThumbnail(id);
      // Not shown any more: its URL may be revoked, so the image must not keep it.
      setState((previous) => (previous?.value.status === 'ready' ? undefined : previous));
    };
  }, [id, wanted]);
  const current = state?.id === id ? state.value : undefined;
  return current ?? (wanted ? { status: 'loading' } : undefined);
}
