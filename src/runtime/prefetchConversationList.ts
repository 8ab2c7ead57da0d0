import type { QueryClient } from '@tanstack/react-query';
import { ConversationKitError } from '../core/errors';
import type { ChatAdapter } from '../core/types';
import { conversationListQueryKey } from './adapterChecks';
import { sortConversations } from './conversationListCache';

/**
 * What a server needs of an adapter to prefetch its list: the list itself, and the `cacheKey`
 * the browser's adapter shares (the adapter objects differ, so only a name can match them). A
 * `ChatAdapter` made with a `cacheKey` is one; so is a server-only object over a backend's REST
 * API. `cacheKey` is optional in the type only because it is in `ChatAdapter`'s: without one the
 * prefetch rejects.
 */
export type PrefetchableAdapter = Pick<ChatAdapter, 'getConversationList' | 'cacheKey'>;

/**
 * Loads the adapter's conversation list into `queryClient`, sorted as the kit's own query holds
 * it, under the key a `ConversationKitProvider` in the browser reads for an adapter with the same
 * `cacheKey`. Dehydrate the client afterwards (`dehydrate(queryClient)` into a
 * `HydrationBoundary`): the server HTML then holds the first screen of rows, and the browser's
 * first render shows the same rows and the same relative times (they are computed from the
 * query's `dataUpdatedAt`, which travels with the data).
 *
 * Like react-query's `prefetchQuery` it never rejects for a failed fetch: the error stays in the
 * query (not dehydrated by default), and the browser loads the list itself. It rejects only when
 * the adapter has no `cacheKey`, which would make the prefetched list unreachable.
 *
 * @example
 * // app/page.tsx, a Server Component
 * const queryClient = new QueryClient();
 * await prefetchConversationList(queryClient, adapterForThisRequest);
 * return (
 *   <HydrationBoundary state={dehydrate(queryClient)}>
 *     <Inbox />
 *   </HydrationBoundary>
 * );
 */
export async function prefetchConversationList(
  queryClient: QueryClient,
  adapter: PrefetchableAdapter,
): Promise<void> {
  if (typeof adapter?.cacheKey !== 'string' || adapter.cacheKey === '') {
    throw new ConversationKitError(
      'INVALID_ADAPTER',
      "prefetchConversationList needs an adapter with a cacheKey (the one the browser's adapter has too)",
    );
  }
  await queryClient.prefetchQuery({
    queryKey: conversationListQueryKey(adapter),
    queryFn: async () => sortConversations(await adapter.getConversationList()),
  });
}
