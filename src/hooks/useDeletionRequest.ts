import { useCallback } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import type { DeletionOutcome } from '../runtime/types';
import { useConversationStore } from './useConversationStore';

/** A refused confirmation reaches the provider's `onError` and the list's status region. */
const alreadyReported = () => {};

/**
 * The deletion waiting for the person's confirmation, and the way to answer it. `confirm` runs the
 * single or batch flow with the chosen clear-history setting. `confirmAsync` resolves with the
 * outcome, or `null` when nothing was pending (the request may have been emptied by deletions on
 * another device), and rejects with a `ConversationKitError` when the request is refused;
 * `confirm` returns nothing, its refusal reported as every refusal is.
 */
export function useDeletionRequest() {
  const runtime = useConversationKit('useDeletionRequest');
  const pendingDeletion = useConversationStore((state) => state.pendingDeletion);
  const { requestDeletion, cancelDeletion, setClearHistory } = runtime.store.getState();
  const confirmAsync = useCallback(
    (): Promise<DeletionOutcome | null> => runtime.confirmDeletion(),
    [runtime],
  );
  const confirm = useCallback((): void => {
    confirmAsync().catch(alreadyReported);
  }, [confirmAsync]);
  return {
    pendingDeletion,
    requestDeletion,
    cancelDeletion,
    setClearHistory,
    confirm,
    confirmAsync,
  };
}
