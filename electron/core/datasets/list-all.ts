import type { Dataset } from '../../../shared/contract/dataset';
import type { DatasetListPage } from '../../../shared/contract/list-page';
import { fail, ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { AdaptiveConcurrency } from './adaptive-concurrency';
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
  /**
   * Requests in flight at most. The listing starts with fewer, grows while the service keeps
   * up and halves when it answers 429 (see adaptive-concurrency.ts). Default 32.
   */
  concurrency?: number;
  signal?: AbortSignal;
}

export const DEFAULT_PAGE_SIZE = 30;
export const DEFAULT_CONCURRENCY = 32;
/** Requests in flight once the first page is in, before the service has shown what it takes. */
export const INITIAL_CONCURRENCY = 4;

/** A page by position, or the page a previous one's nextLink names. */
export type PageRequest = { skip: number; top: number } | { nextLink: string };

export interface PageHooks {
  /** The request was answered 429: call it before waiting out the service's Retry-After. */
  throttled(): void;
  /**
   * Call it after that wait and send the request again once it resolves: the requests that
   * waited together are let go a few at a time, not all into the same limit at once.
   */
  mayRetry(): Promise<void>;
}

export type FetchPage = (
  request: PageRequest,
  signal: AbortSignal,
  hooks: PageHooks,
) => Promise<Result<DatasetListPage>>;

interface Flight {
  index: number;
  controller: AbortController;
  /** Of its latest send, for AdaptiveConcurrency.throttled. */
  sendNumber: number;
  /** Met a 429 on the way. */
  throttled: boolean;
  /** Waiting out a 429 or its turn to go again: not at the service now. */
  parked: boolean;
  /** While it waits for its turn: lets it go. */
  release?: () => void;
}

/**
 * Every dataset, in the service's order, each once. Only a page without nextLink ends the list.
 *
 * The first page is shown the moment it arrives. While pages come back full, the page after
 * skip s is the one at s + pageSize, so those are asked for by skip, several at once: following
 * nextLink one page at a time makes a large list wait on every round trip in turn. A short page
 * that still has a nextLink breaks that arithmetic (the service capped the page size, or
 * filtered), so from there on the links are followed one by one, exactly as given, and the
 * requests made ahead by skip are dropped unread.
 *
 * How many go at once adapts to the service (adaptive-concurrency.ts). While any page waits out
 * a 429 nothing new is sent, since it would meet the same limit; the waiting pages then go again
 * as the window allows, the earliest first, because every later page waits on it to be shown.
 */
export function listAllPages(
  fetchPage: FetchPage,
  options: ListAllOptions = {},
): Promise<Result<Dataset[]>> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const concurrency = new AdaptiveConcurrency(
    INITIAL_CONCURRENCY,
    options.concurrency ?? DEFAULT_CONCURRENCY,
  );
  /** Whether nothing after this page can be asked for by skip. */
  const endsSkipping = (result: Result<DatasetListPage>) =>
    !result.ok || result.value.nextLink === undefined || result.value.value.length < pageSize;

  return new Promise((resolve, reject) => {
    const datasets: Dataset[] = [];
    const arrived = new Map<number, Result<DatasetListPage>>();
    const inFlight = new Map<number, Flight>();
    /** Set once a short page with a nextLink is delivered: the link to ask for next. */
    let following: { link: string | undefined } | undefined;
    let nextToRequest = 0;
    let nextToDeliver = 0;
    /** No page after this one is needed by skip: it is the last, short, or failed. */
    let lastNeeded = Number.POSITIVE_INFINITY;
    let finished = false;

    const drop = (flight: Flight) => {
      flight.controller.abort();
      inFlight.delete(flight.index);
      // Wakes its retry loop, which sees the abort and gives up.
      flight.release?.();
    };
    const stop = () => {
      finished = true;
      for (const flight of [...inFlight.values()]) drop(flight);
      options.signal?.removeEventListener('abort', onCancel);
    };
    const finish = (result: Result<Dataset[]>) => {
      if (finished) return;
      stop();
      resolve(result);
    };
    const onCancel = () => finish(fail(CANCELLED_ERROR));
    const dropAfter = (index: number) => {
      for (const flight of [...inFlight.values()]) if (flight.index > index) drop(flight);
    };

    const deliverInOrder = () => {
      for (let result = arrived.get(nextToDeliver); result; result = arrived.get(nextToDeliver)) {
        arrived.delete(nextToDeliver);
        if (!result.ok) return finish(result);
        const page = result.value;
        datasets.push(...page.value);
        options.onPage?.(page.value, { pageIndex: nextToDeliver, loaded: datasets.length });
        // onPage may have cancelled.
        if (finished) return;
        if (page.nextLink === undefined) return finish(ok(datasets));
        if (following) {
          following.link = page.nextLink;
        } else if (page.value.length < pageSize) {
          following = { link: page.nextLink };
          dropAfter(nextToDeliver);
          for (const other of arrived.keys()) if (other > nextToDeliver) arrived.delete(other);
          nextToRequest = nextToDeliver + 1;
        }
        nextToDeliver += 1;
      }
    };

    const atService = () => [...inFlight.values()].filter((flight) => !flight.parked).length;

    const releaseWaiting = () => {
      const ready = [...inFlight.values()]
        .filter((flight) => flight.release)
        .sort((a, b) => a.index - b.index);
      let sending = atService();
      for (const flight of ready) {
        if (sending >= concurrency.limit) return;
        const release = flight.release!;
        flight.release = undefined;
        flight.parked = false;
        flight.sendNumber = concurrency.send();
        sending += 1;
        release();
      }
    };

    const launch = (index: number, request: PageRequest) => {
      const flight: Flight = {
        index,
        controller: new AbortController(),
        sendNumber: concurrency.send(),
        throttled: false,
        parked: false,
      };
      inFlight.set(index, flight);
      const hooks: PageHooks = {
        throttled: () => {
          flight.throttled = true;
          flight.parked = true;
          concurrency.throttled(flight.sendNumber);
        },
        mayRetry: () =>
          new Promise<void>((release) => {
            if (flight.controller.signal.aborted) return release();
            flight.release = release;
            releaseWaiting();
          }),
      };
      void fetchPage(request, flight.controller.signal, hooks).then((result) => {
        if (finished || flight.controller.signal.aborted) return;
        inFlight.delete(index);
        if (!flight.throttled) concurrency.succeeded();
        arrived.set(index, result);
        if (!following && endsSkipping(result) && index < lastNeeded) {
          lastNeeded = index;
          dropAfter(index);
        }
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
    };

    const requestMore = () => {
      if (finished) return;
      if (following) {
        // One at a time: each link is known only once the page before it is in.
        if (inFlight.size === 0 && following.link !== undefined) {
          const link = following.link;
          following.link = undefined;
          launch(nextToRequest++, { nextLink: link });
        }
        return;
      }
      releaseWaiting();
      if ([...inFlight.values()].some((flight) => flight.parked)) return;
      // The first page goes alone: it says whether there is anything more to ask for.
      const limit = nextToDeliver === 0 ? 1 : concurrency.limit;
      while (inFlight.size < limit && nextToRequest <= lastNeeded) {
        const index = nextToRequest++;
        launch(index, { skip: index * pageSize, top: pageSize });
      }
    };

    if (options.signal?.aborted) return finish(fail(CANCELLED_ERROR));
    options.signal?.addEventListener('abort', onCancel, { once: true });
    requestMore();
  });
}
