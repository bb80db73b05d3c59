/*
 * Performance marks for the benchmark (bench/first-thumbnails.ts): from a check's previews
 * reaching the page to the frame after the 24th thumbnail has loaded. One counter, two marks.
 */

export const MARK_PREVIEWS_ARRIVED = 'images:data-arrived';
export const MARK_THUMBNAILS_PAINTED = 'images:24-painted';
export const THUMBNAILS_MARKED = 24;

/** Each poll brings a new copy of the previews: a check's are known by their first id. */
const seen = { firstIds: new Set<string>(), loaded: 0 };

/** A check's previews were rendered for the first time; counting of loads starts over. */
export function markPreviewsArrived(firstId: string): void {
  if (seen.firstIds.has(firstId)) return;
  seen.firstIds.add(firstId);
  seen.loaded = 0;
  performance.mark(MARK_PREVIEWS_ARRIVED);
}

/** A thumbnail's image has loaded: the frame after the 24th is marked. */
export function markThumbnailLoaded(): void {
  seen.loaded += 1;
  if (seen.loaded === THUMBNAILS_MARKED) {
    requestAnimationFrame(() => performance.mark(MARK_THUMBNAILS_PAINTED));
  }
}
