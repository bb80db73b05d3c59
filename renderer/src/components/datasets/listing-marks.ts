import { useEffect } from 'react';

/*
 * Performance marks for the benchmark (bench/first-rows.ts): from a listing's first data on the
 * page to the first frame that shows its rows. Each costs one counter and one mark per listing.
 */

export const MARK_DATA_ARRIVED = 'datasets:data-arrived';
export const MARK_FIRST_ROWS = 'datasets:first-rows';

const listings = { arrived: 0, shown: 0 };

/** The first chunk of a new listing reached the page. */
export function markListingArrived(): void {
  listings.arrived += 1;
  performance.mark(MARK_DATA_ARRIVED);
}

/** Marks the frame after the newest listing's first rows were rendered, once per listing. */
export function useFirstRowsMark(rowsRendered: boolean, rows: unknown): void {
  useEffect(() => {
    if (!rowsRendered || listings.shown >= listings.arrived) return;
    listings.shown = listings.arrived;
    requestAnimationFrame(() => performance.mark(MARK_FIRST_ROWS));
  }, [rowsRendered, rows]);
}
