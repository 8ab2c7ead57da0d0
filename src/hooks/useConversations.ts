import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useConversationKit } from '../components/ConversationKitProvider/ConversationKitContext';
import type { Conversation } from '../core/types';

/**
 * The conversation list of the nearest `ConversationKitProvider`: pinned first, then newest
 * message first. It stays live from the adapter's events and leaves out rows being deleted.
 */
export function useConversations(): UseQueryResult<Conversation[]> {
  const runtime = useConversationKit('useConversations');
  return useQuery(
    { queryKey: runtime.queryKey, queryFn: runtime.fetchConversations },
    runtime.queryClient,
  );
}
