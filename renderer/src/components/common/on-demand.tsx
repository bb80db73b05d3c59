import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';

/**
 * Runs `callback` once the page is idle (or after a few seconds if it never is); returns a
 * cancel. Does nothing outside a browser (unit tests).
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(callback, { timeout: 3_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(callback, 200);
  return () => window.clearTimeout(id);
}

/**
 * A part of the page whose code is not loaded at start (a dialog, an editor): `load` is a
 * dynamic `import()`, so the bundler puts the part in a chunk of its own, and the page starts
 * without it.
 *
 * Its chunk loads once the page is idle after the module that can show it ran (for the editors
 * and most dialogs: after start), so that it is usually here before it is first shown; if not,
 * the part shows nothing for the moment its chunk (a local file) takes, then itself.
 *
 * Unlike React.lazy this never suspends: a loaded part shows in the very render that asks for
 * it, with its effects (a dialog focusing its default button) as before, and one still loading
 * is not held back by Suspense's throttled reveal.
 *
 * A part that is on screen from the start (the header's theme menu) gives a `standIn`: a light
 * look-alike shown, with the same props, until the part's code is here.
 */
export function onDemand<P extends object>(
  name: string,
  load: () => Promise<ComponentType<P>>,
  standIn?: ComponentType<P>,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (view) => (loaded = view),
      (error: unknown) => {
        // Tried again the next time the part is shown.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // A failure here is tried again, and told, when the part is shown.
  whenIdle(() => void preload().catch(() => undefined));

  function OnDemand(props: P) {
    const [view, setView] = useState(() => (loaded ? { View: loaded } : null));
    useEffect(() => {
      if (view) return;
      let live = true;
      preload().then(
        (View) => {
          if (live) setView({ View });
        },
        (error: unknown) => console.error(`Could not load the code of ${name}.`, error),
      );
      return () => {
        live = false;
      };
    }, [view]);
    if (view) return <view.View {...props} />;
    const StandIn = standIn;
    return StandIn ? <StandIn {...props} /> : null;
  }
  OnDemand.displayName = `OnDemand(${name})`;
  return OnDemand;
}
