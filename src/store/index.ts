export type {
  ConversationStore,
  ConversationStoreOptions,
  ConversationStoreState,
  DeletionOutcome,
  DeletionProgress,
  DeletionRequest,
  DeletionSlice,
  FocusSlice,
  SelectionSlice,
  SwipeSlice,
} from './createConversationStore';
export { createConversationStore } from './createConversationStore';
