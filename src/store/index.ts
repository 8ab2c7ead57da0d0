export type { ConversationStoreOptions, DeletionRequest } from './createConversationStore';
export { createConversationStore } from './createConversationStore';
export type { ConfirmationSlice } from './slices/confirmationSlice';
export type { FocusSlice } from './slices/focusSlice';
export type { SelectionSlice } from './slices/selectionSlice';
export type { SwipeSlice } from './slices/swipeSlice';
export type { ConversationStore, ConversationStoreState, ListSyncSlice } from './types';
