import type { StoreApi } from 'zustand/vanilla';
import type { ConfirmationSlice } from './slices/confirmationSlice';
import type { FocusSlice } from './slices/focusSlice';
import type { SelectionSlice } from './slices/selectionSlice';
import type { SwipeSlice } from './slices/swipeSlice';

/** Keeps the UI state in step with the list it is about. */
export interface ListSyncSlice {
  /** Replaces the list's IDs; selection, anchor, open swipe and pending request drop what left. */
  syncConversationIDs(orderedIDs: string[]): void;
  /** Another device (or the backend) deleted these: drop them from every piece of state. */
  forgetConversations(conversationIDs: readonly string[]): void;
}

/** The UI state of one conversation list. What deletions are doing lives in the runtime. */
export type ConversationStoreState = SelectionSlice &
  FocusSlice &
  SwipeSlice &
  ConfirmationSlice &
  ListSyncSlice;
export type ConversationStore = StoreApi<ConversationStoreState>;
