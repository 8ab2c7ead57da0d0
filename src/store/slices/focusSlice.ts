import type { StateCreator } from 'zustand/vanilla';
import type { ConversationStoreState } from '../types';

export interface FocusSlice {
  /** The row that holds the list's single tab stop (roving focus), even while scrolled away. */
  focusedID: string | null;
  setFocusedID(conversationID: string | null): void;
}

export const createFocusSlice: StateCreator<ConversationStoreState, [], [], FocusSlice> = (
  set,
) => ({
  focusedID: null,
  setFocusedID(focusedID) {
    set({ focusedID });
  },
});
