import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConversationKit } from '../components/ConversationKitProvider/ConversationKitContext';
import type { DeletionOutcome } from '../store/createConversationStore';

export interface DeleteConversationVariables {
  conversationID: string;
  /**
   * `true`: `adapter.deleteConversation(id)`, history gone for good. `false`: through
   * `deleteConversationList([id], {clearMessage: false})`, the only call that keeps history.
   */
  clearHistory: boolean;
}

/**
 * Deletes one conversation. The row leaves the list at once and comes back if the deletion fails;
 * a second call for the same conversation while the first is in flight sends nothing.
 * `deleteConversation` rejects with a `ConversationKitError` for bad input, before any backend call.
 */
export function useDeleteConversation() {
  const runtime = useConversationKit('useDeleteConversation');
  const mutation = useMutation<DeletionOutcome, Error, DeleteConversationVariables>(
    {
      mutationFn: ({ conversationID, clearHistory }) =>
        runtime.deleteConversations([conversationID], { clearHistory }),
    },
    runtime.queryClient,
  );
  const { mutateAsync } = mutation;
  const deleteConversation = useCallback(
    (conversationID: string, options: { clearHistory: boolean }) =>
      mutateAsync({ conversationID, clearHistory: options.clearHistory }),
    [mutateAsync],
  );
  return { ...mutation, deleteConversation, outcome: mutation.data };
}
