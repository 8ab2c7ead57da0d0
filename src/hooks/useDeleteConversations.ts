import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import { idsToRetry } from '../runtime/classifyResults';
import type { DeleteConversationsOptions, DeletionOutcome } from '../runtime/types';
import { useDeletionState } from './useDeletionState';

export interface DeleteConversationsVariables {
  conversationIDs: readonly string[];
  /** `true` deletes the chat history too, unrecoverably. */
  clearHistory: boolean;
  /** Batch calls in flight at once. Default 2. */
  concurrency?: number;
}

/** Failures of these calls are in the mutation's `error` and reach `onError`; nothing rejects. */
const alreadyReported = () => {};

/**
 * Deletes many conversations: validated and de-duplicated first, sent in chunks of the adapter's
 * `maxBatchSize` with bounded concurrency. Rows leave at once; exactly the failed ones come back
 * in their place and stay selected. `progress` counts results while a batch runs, `stop()` sends
 * no further chunks, and `retryFailed` sends the failures of an outcome again.
 *
 * As with react-query's `mutate` and `mutateAsync`: `deleteConversations` and `retryFailed`
 * return nothing and put a refusal in `error`; `deleteConversationsAsync` and
 * `retryFailedAsync` resolve with the outcome and reject with the `ConversationKitError`. Either
 * way, the provider's `onError` hears every refusal once, and the list announces it.
 */
export function useDeleteConversations() {
  const runtime = useConversationKit('useDeleteConversations');
  const mutation = useMutation<DeletionOutcome, Error, DeleteConversationsVariables>(
    {
      mutationFn: ({ conversationIDs, clearHistory, concurrency }) =>
        runtime.deleteConversations(conversationIDs, { clearHistory, concurrency }),
    },
    runtime.queryClient,
  );
  const progress = useDeletionState((state) => state.progress);
  const lastOutcome = useDeletionState((state) => state.lastOutcome);
  const { mutateAsync } = mutation;

  const deleteConversationsAsync = useCallback(
    (conversationIDs: readonly string[], options: DeleteConversationsOptions) =>
      mutateAsync({ conversationIDs, ...options }),
    [mutateAsync],
  );
  const retryFailedAsync = useCallback(
    (outcome: DeletionOutcome) =>
      mutateAsync({ conversationIDs: idsToRetry(outcome), clearHistory: outcome.clearHistory }),
    [mutateAsync],
  );
  const deleteConversations = useCallback(
    (conversationIDs: readonly string[], options: DeleteConversationsOptions): void => {
      deleteConversationsAsync(conversationIDs, options).catch(alreadyReported);
    },
    [deleteConversationsAsync],
  );
  const retryFailed = useCallback(
    (outcome: DeletionOutcome): void => {
      retryFailedAsync(outcome).catch(alreadyReported);
    },
    [retryFailedAsync],
  );
  // The runtime's methods need no `this`: `stop` is as stable as the runtime.
  return {
    ...mutation,
    deleteConversations,
    deleteConversationsAsync,
    retryFailed,
    retryFailedAsync,
    stop: runtime.stop,
    progress,
    lastOutcome,
  };
}
