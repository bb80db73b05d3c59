import {
  QueryClient,
  QueryObserver,
  environmentManager,
  focusManager,
} from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../query/query-keys';
import { refetchOnWindowFocusToo } from '../query/window-focus';
import { OPEN_DATASET_REFRESH } from './use-dataset';

/*
 * The open dataset's re-reads, with React Query's own timers and focus handling: a fake
 * window stands in for the page, fake timers for the 30 s. Without a real window React Query
 * takes Node for a server and schedules no re-reads, so it is told otherwise.
 */

describe('the open dataset is read again', () => {
  const page = new EventTarget();
  let reads = 0;
  let stopListening: () => void;
  let stopObserving: () => void;
  let client: QueryClient;

  beforeEach(async () => {
    vi.useFakeTimers();
    environmentManager.setIsServer(() => false);
    stopListening = refetchOnWindowFocusToo(page as unknown as Window);
    reads = 0;
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // What QueryClientProvider does: the client starts listening to focus.
    client.mount();
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.dataset('c1', 'flowers'),
      queryFn: () => Promise.resolve(++reads),
      ...OPEN_DATASET_REFRESH,
    });
    stopObserving = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(1);
  });

  afterEach(() => {
    stopObserving();
    client.unmount();
    stopListening();
    environmentManager.setIsServer(() => typeof window === 'undefined');
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  it('when the window gets focus back from another app', async () => {
    page.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(2);
  });

  it('when the page becomes visible again', async () => {
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(2);
  });

  it('every 30 s while the window is visible, and not while it is hidden', async () => {
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reads).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reads).toBe(3);

    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads).toBe(3);
  });
});
