import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Main already retries transient failures with backoff and Retry-After; a second
        // layer here would multiply the wait before the user hears anything.
        retry: false,
        // A desktop window gains focus all the time; re-listing thousands of datasets on each
        // focus would be noise. Lists refresh on demand (Refresh) and after our own writes.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
