import type { Dataset } from '../../../shared/contract/dataset';
import type { DatasetListPage } from '../../../shared/contract/list-page';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { CANCELLED_ERROR } from './service-errors';

export interface ListProgress {
  /** 0 for the first page. */
  pageIndex: number;
  /** Datasets delivered so far, this page included. */
  loaded: number;
}

export interface ListAllOptions {
  /** Called with each page as soon as it and every page before it have arrived, in order. */
  onPage?: (items: Dataset[], progress: ListProgress) => void;
  /** Datasets per request, 1 to 30 (the service refuses more). Default 30. */
  pageSize?: number;
  /** Requests in flight at most. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
}

export const DEFAULT_PAGE_SIZE = 30;
export const DEFAULT_CONCURRENCY = 4;

export type FetchPage = (
  skip: number,
  top: number,
  signal: AbortSignal,
) => Promise<Result<DatasetListPage>>;

/**
 * Every dataset, in the service's order. The first page is shown the moment it arrives; the
 * rest are asked for by `skip`, several at once, because following nextLink one page at a
 * time makes a large list wait on every round trip in turn.
 */
export function listAllPages(
  fetchPage: FetchPage,
  options: ListAllOptions = {},
): Promise<Result<Dataset[]>> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const isLast = (page: DatasetListPage) =>
    page.nextLink === undefined || page.value.length < pageSize;

  return new Promise((resolve, reject) => {
    const datasets: Dataset[] = [];
    const arrived = new Map<number, Result<DatasetListPage>>();
    const inFlight = new Map<number, AbortController>();
    let nextToRequest = 0;
    let nextToDeliver = 0;
    /** No page after this one is needed: it is the last, or it failed. */
    let lastNeeded = Number.POSITIVE_INFINITY;
    let finished = false;

    const stop = () => {
      finished = true;
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
      options.signal?.removeEventListener('abort', onCancel);
    };
    const finish = (result: Result<Dataset[]>) => {
      if (finished) return;
      stop();
      resolve(result);
    };
    const onCancel = () => finish(fail(CANCELLED_ERROR));

    const needNothingAfter = (index: number) => {
      if (index >= lastNeeded) return;
      lastNeeded = index;
      for (const [other, controller] of inFlight) {
        if (other > index) {
          controller.abort();
          inFlight.delete(other);
        }
      }
    };

    const deliverInOrder = () => {
      for (let result = arrived.get(nextToDeliver); result; result = arrived.get(nextToDeliver)) {
        arrived.delete(nextToDeliver);
        if (!result.ok) return finish(result);
        datasets.push(...result.value.value);
        options.onPage?.(result.value.value, { pageIndex: nextToDeliver, loaded: datasets.length });
        if (isLast(result.value)) return finish(ok(datasets));
        nextToDeliver += 1;
      }
    };

    const requestMore = () => {
      // The first page goes alone: it says whether there is anything more to ask for.
      const limit = nextToDeliver === 0 ? 1 : concurrency;
      while (!finished && inFlight.size < limit && nextToRequest <= lastNeeded) {
        const index = nextToRequest++;
        const controller = new AbortController();
        inFlight.set(index, controller);
        void fetchPage(index * pageSize, pageSize, controller.signal).then((result) => {
          if (finished || controller.signal.aborted) return;
          inFlight.delete(index);
          arrived.set(index, result);
          if (!result.ok || isLast(result.value)) needNothingAfter(index);
          try {
            deliverInOrder();
          } catch (error) {
            // The caller's onPage threw: that is the caller's bug, not a service failure.
            stop();
            reject(error);
            return;
          }
          requestMore();
        });
      }
    };

    if (options.signal?.aborted) return finish(fail(CANCELLED_ERROR));
    options.signal?.addEventListener('abort', onCancel, { once: true });
    requestMore();
  });
}
