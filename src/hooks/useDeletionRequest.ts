import { useCallback } from 'react';
import { useConversationKit } from '../components/ConversationKitProvider/ConversationKitContext';
import type { DeletionOutcome } from '../store/createConversationStore';
import { useConversationStore } from './useConversationStore';

/**
 * The deletion waiting for the person's confirmation, and the way to answer it. `confirm` runs the
 * single or batch flow with the chosen clear-history setting; it resolves with `null` when nothing
 * was pending (the request may have been emptied by deletions on another device).
 */
export function useDeletionRequest() {
  const runtime = useConversationKit('useDeletionRequest');
  const pendingDeletion = useConversationStore((state) => state.pendingDeletion);
  const { requestDeletion, cancelDeletion, setClearHistory } = runtime.store.getState();
  const confirm = useCallback(
    (): Promise<DeletionOutcome | null> => runtime.confirmDeletion(),
    [runtime],
  );
  return { pendingDeletion, requestDeletion, cancelDeletion, setClearHistory, confirm };
}
