import type { StateCreator } from 'zustand/vanilla';
import type { ConversationStoreState } from '../types';

export interface SwipeSlice {
  /** The one row whose swipe is open, if any. */
  openSwipeID: string | null;
  openSwipe(conversationID: string): void;
  closeSwipe(): void;
}

export const createSwipeSlice: StateCreator<ConversationStoreState, [], [], SwipeSlice> = (
  set,
  get,
) => ({
  openSwipeID: null,
  openSwipe(conversationID) {
    const { selectionMode, orderedIDs } = get();
    if (selectionMode || !orderedIDs.includes(conversationID)) return;
    set({ openSwipeID: conversationID });
  },
  closeSwipe() {
    if (get().openSwipeID !== null) set({ openSwipeID: null });
  },
});
