export type {
  ConversationStore,
  ConversationStoreOptions,
  ConversationStoreState,
  DeletionOutcome,
  DeletionProgress,
  DeletionRequest,
  DeletionSlice,
  SelectionSlice,
  SwipeSlice,
} from './createConversationStore';
export { createConversationStore } from './createConversationStore';
