import type { WindowBounds } from './window-options';
import { DEFAULT_BOUNDS } from './window-options';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Restores saved bounds only if they are sane and the window would still be visible on one of
 * today's displays (a monitor may have been unplugged since), otherwise the default size.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Area[]): WindowBounds {
  if (typeof saved !== 'object' || saved === null) return DEFAULT_BOUNDS;
  const s = saved as Record<string, unknown>;
  if (!isFiniteNumber(s['width']) || !isFiniteNumber(s['height'])) return DEFAULT_BOUNDS;
  const width = Math.max(880, Math.min(s['width'], 10_000));
  const height = Math.max(560, Math.min(s['height'], 10_000));
  const maximized = s['maximized'] === true;
  if (!isFiniteNumber(s['x']) || !isFiniteNumber(s['y'])) return { width, height, maximized };
  const x = s['x'];
  const y = s['y'];
  const visible = workAreas.some(
    (a) =>
      x + 100 <= a.x + a.width && x + width - 100 >= a.x && y >= a.y && y + 50 <= a.y + a.height,
  );
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}
