import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import type { DeleteConversationsOptions, DeletionOutcome } from '../runtime/types';

/** How to delete one conversation: the person's choice about its history. */
export type DeleteConversationOptions = Pick<DeleteConversationsOptions, 'clearHistory'>;

export interface DeleteConversationVariables {
  conversationID: string;
  /**
   * `true`: `adapter.deleteConversation(id)`, history gone for good. `false`: through
   * `deleteConversationList([id], {clearMessage: false})`, the only call that keeps history.
   */
  clearHistory: boolean;
}

/** Failures of `deleteConversation` are in the mutation's `error` and reach `onError`. */
const alreadyReported = () => {};

/**
 * Deletes one conversation. The row leaves the list at once and comes back if the deletion fails;
 * a second call for the same conversation while the first is in flight sends nothing.
 *
 * As with react-query's `mutate` and `mutateAsync`: `deleteConversation` returns nothing and puts
 * a refusal (a `ConversationKitError`, raised before any backend call) in `error`;
 * `deleteConversationAsync` resolves with the outcome and rejects with that error.
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
  const deleteConversationAsync = useCallback(
    (conversationID: string, options: DeleteConversationOptions) =>
      mutateAsync({ conversationID, clearHistory: options.clearHistory }),
    [mutateAsync],
  );
  const deleteConversation = useCallback(
    (conversationID: string, options: DeleteConversationOptions): void => {
      deleteConversationAsync(conversationID, options).catch(alreadyReported);
    },
    [deleteConversationAsync],
  );
  return { ...mutation, deleteConversation, deleteConversationAsync, outcome: mutation.data };
}
