import type { StateCreator } from 'zustand/vanilla';
import type { ConversationStoreState } from '../types';

/** A deletion the person asked for and has not yet confirmed or cancelled. */
export interface DeletionRequest {
  /** The conversations to delete, in list order. One ID means the single-conversation flow. */
  conversationIDs: string[];
  /** Whether the chat history goes too (unrecoverable). */
  clearHistory: boolean;
}

export interface ConfirmationSlice {
  /** The deletion waiting for confirmation. */
  pendingDeletion: DeletionRequest | null;
  /**
   * Asks to delete these conversations (those in the list, in list order); returns false when
   * none of them is in the list. `clearHistory` is what the confirmation starts with (default
   * false: keeping history is the choice that can be taken back).
   */
  requestDeletion(
    conversationIDs: readonly string[],
    options?: { clearHistory?: boolean },
  ): boolean;
  setClearHistory(clearHistory: boolean): void;
  cancelDeletion(): void;
  /** Takes the pending request for the delete flow to run, leaving none pending. */
  takePendingDeletion(): DeletionRequest | null;
}

export const createConfirmationSlice: StateCreator<
  ConversationStoreState,
  [],
  [],
  ConfirmationSlice
> = (set, get) => ({
  pendingDeletion: null,
  requestDeletion(conversationIDs, requestOptions = {}) {
    const wanted = new Set(conversationIDs);
    // Kept in list order, so a dialog and the flow see the rows as the person sees them. Rows
    // being deleted already left the list, so they cannot be asked for twice.
    const deletable = get().orderedIDs.filter((id) => wanted.has(id));
    if (deletable.length === 0) return false;
    set({
      pendingDeletion: {
        conversationIDs: deletable,
        clearHistory: requestOptions.clearHistory ?? false,
      },
    });
    return true;
  },
  setClearHistory(clearHistory) {
    const pending = get().pendingDeletion;
    if (pending) set({ pendingDeletion: { ...pending, clearHistory } });
  },
  cancelDeletion() {
    set({ pendingDeletion: null });
  },
  takePendingDeletion() {
    const pending = get().pendingDeletion;
    if (pending) set({ pendingDeletion: null, openSwipeID: null });
    return pending;
  },
});
