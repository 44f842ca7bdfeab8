import { QueryClient } from '@tanstack/react-query';

// Local data: nothing goes stale behind the user's back, so no background refetching.
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});
