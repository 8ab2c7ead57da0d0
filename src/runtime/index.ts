export { assertAdapterCapabilities, conversationListQueryKey } from './adapterChecks';
export { classifyResults, idsToRetry } from './classifyResults';
export {
  compareConversations,
  conversationIDsOf,
  removeConversations,
  sortConversations,
  upsertConversations,
} from './conversationListCache';
export type {
  ConversationKitRuntime,
  ConversationKitRuntimeOptions,
} from './createConversationKitRuntime';
export { createConversationKitRuntime } from './createConversationKitRuntime';
export type { DeletionState, DeletionStateStore } from './deletionState';
export { reconcileFetchedList } from './fetchReconciler';
export type { OutboxEntry, OutboxStorage } from './outbox';
export {
  clearStoredOutbox,
  createLocalStorageOutbox,
  createMemoryOutbox,
  defaultOutboxStorage,
  outboxStorageKeyPrefix,
} from './outbox';
export type { OutboxTabMessage, OutboxTabPort, OutboxTabs } from './outboxTabs';
export { defaultOutboxTabs } from './outboxTabs';
export type { SendDeletionsOptions, SendDeletionsResult } from './sendDeletions';
export { DEFAULT_DELETE_CONCURRENCY, sendDeletions } from './sendDeletions';
export type {
  ConversationKitErrorReport,
  ConversationQueryOptions,
  DeleteConversationsOptions,
  DeletionOutcome,
  DeletionProgress,
  ListStateAccess,
} from './types';
export type { UndoableDeletion } from './undoWindows';
