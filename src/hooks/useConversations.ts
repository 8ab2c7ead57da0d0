import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useConversationKit } from '../context/ConversationKitContext';
import type { Conversation } from '../core/types';

const ignoreError = () => {};

/**
 * The conversation list of the nearest `ConversationKitProvider`: pinned first, then newest
 * message first. It stays live from the adapter's events and leaves out rows being deleted.
 */
export function useConversations(): UseQueryResult<Conversation[]> {
  const runtime = useConversationKit('useConversations');
  const { queryClient } = runtime;
  const options = runtime.queryOptions;
  // useQuery only fetches once it subscribes, after the first commit and often after a frame of
  // "Loading". Asked here, a quick backend has answered by then and the rows are in the first
  // frame. Built as useQuery would (same retries); errors reach useQuery through the query.
  if (!queryClient.getQueryState(runtime.queryKey)) {
    const query = queryClient
      .getQueryCache()
      .build(queryClient, queryClient.defaultQueryOptions(options));
    query.fetch().catch(ignoreError);
  }
  return useQuery(options, queryClient);
}
