import { randomUUID } from 'node:crypto';
import type { RedactedDataset } from '../../shared/contract/redacted-dataset';
import type { DatasetListChunk } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/errors';
import type { AppError, Result } from '../../shared/ipc/errors';

/** Feeds a listing: call `push` for each page as it arrives, and settle once. */
export type ListingRun = (push: (items: RedactedDataset[]) => void) => Promise<Result<unknown>>;

interface Listing {
  buffer: RedactedDataset[];
  done: boolean;
  error?: AppError;
  wake: () => void;
  changed: Promise<void>;
  touched: number;
}

/**
 * Listing over request/response channels: the first call returns as soon as the first page is
 * in, later calls return whatever pages arrived since. The same shape works over Electron's
 * invoke and the browser bridge, and the page can show rows while the rest still loads.
 */
export function createListingRegistry(idleMs = 5 * 60_000, now = () => Date.now()) {
  const listings = new Map<string, Listing>();

  function armed(listing: Listing) {
    listing.changed = new Promise((resolve) => (listing.wake = resolve));
  }

  function sweep() {
    for (const [id, l] of listings) if (now() - l.touched > idleMs) listings.delete(id);
  }

  async function next(id: string, listing: Listing): Promise<Result<DatasetListChunk>> {
    listing.touched = now();
    while (listing.buffer.length === 0 && !listing.done) await listing.changed;
    if (listing.error) {
      listings.delete(id);
      return fail(listing.error);
    }
    const items = listing.buffer;
    listing.buffer = [];
    if (listing.done) listings.delete(id);
    return ok({ listingId: id, items, done: listing.done });
  }

  return {
    start(run: ListingRun): Promise<Result<DatasetListChunk>> {
      sweep();
      const id = randomUUID();
      const listing: Listing = {
        buffer: [],
        done: false,
        wake: () => {},
        changed: Promise.resolve(),
        touched: now(),
      };
      armed(listing);
      listings.set(id, listing);
      void run((items) => {
        listing.buffer.push(...items);
        const wake = listing.wake;
        armed(listing);
        wake();
      }).then((result) => {
        listing.done = true;
        if (!result.ok) listing.error = result.error;
        listing.wake();
      });
      return next(id, listing);
    },

    more(id: string): Promise<Result<DatasetListChunk>> {
      const listing = listings.get(id);
      if (!listing) {
        return Promise.resolve(
          fail({ kind: 'badRequest', message: 'This listing has ended; refresh the list.' }),
        );
      }
      return next(id, listing);
    },

    get size() {
      return listings.size;
    },
  };
}
