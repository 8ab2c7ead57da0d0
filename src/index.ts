// The public API of conversation-kit. Everything a host app may import is listed here by name;
// what is not here is internal and may change in any release.

// The in-memory backend (also `conversation-kit/memory`).
export type {
  ConnectOptions,
  MemoryChatCall,
  MemoryChatFault,
  MemoryChatServer,
  MemoryChatServerOptions,
} from './adapters/memory';
export { createMemoryChatServer } from './adapters/memory';
// Tencent Cloud Chat (also `conversation-kit/tencent`).
export type { TencentChat, TencentChatAdapterOptions } from './adapters/tencent';
export { createTencentChatAdapter } from './adapters/tencent';
// Components.
export type { ConversationKitProviderProps } from './components/ConversationKitProvider';
export { ConversationKitProvider } from './components/ConversationKitProvider';
export type {
  ConversationListErrorProps,
  ConversationListHandle,
  ConversationListProps,
  ConversationListStatusProps,
  ConversationListToolbarProps,
  ConversationRenderState,
} from './components/ConversationList';
export { ConversationList } from './components/ConversationList';
export type {
  DeleteConversationDialogActionProps,
  DeleteConversationDialogCancelProps,
  DeleteConversationDialogClearHistoryProps,
  DeleteConversationDialogContentProps,
  DeleteConversationDialogDescriptionProps,
  DeleteConversationDialogHistoryNoteProps,
  DeleteConversationDialogProps,
  DeleteConversationDialogRootProps,
  DeleteConversationDialogTitleProps,
} from './components/DeleteConversationDialog';
// The dialog, and its parts also as `DeleteConversationDialog.Root`, `.Content`, `.Title`…
export {
  DeleteConversationDialog,
  DeleteConversationDialogAction,
  DeleteConversationDialogCancel,
  DeleteConversationDialogClearHistory,
  DeleteConversationDialogContent,
  DeleteConversationDialogDescription,
  DeleteConversationDialogHistoryNote,
  DeleteConversationDialogRoot,
  DeleteConversationDialogTitle,
} from './components/DeleteConversationDialog';
// The domain: conversations, results, events, the adapter contract, errors.
export type {
  AdapterCapabilities,
  ChatAdapter,
  Conversation,
  ConversationEvent,
  ConversationKitErrorCode,
  ConversationType,
  DeleteListOptions,
  DeleteResult,
  DeletionOrigin,
} from './core';
export { ConversationKitError, isConversationKitError } from './core';
// Hooks: data and deletions, and the behaviour hooks for a list in the host's own markup.
export type {
  ConversationGridAria,
  ConversationGridOptions,
  ConversationGridRow,
  ConversationRowAria,
  ConversationRowOptions,
  DeleteConversationOptions,
  DeleteConversationsVariables,
  DeleteConversationVariables,
  UndoAreaProps,
} from './hooks';
export {
  useConversationEvents,
  useConversationGrid,
  useConversationRow,
  useConversationSelection,
  useConversations,
  useDeleteConversation,
  useDeleteConversations,
  useDeletionRequest,
} from './hooks';
// Messages.
export type { Locale, Messages, PluralMessage } from './i18n';
export { loadLocale } from './i18n';
// The engine without React, and the list's UI store (for tests and devtools).
export type {
  ConversationKitErrorReport,
  ConversationKitRuntime,
  ConversationQueryOptions,
  DeleteConversationsOptions,
  DeletionOutcome,
  DeletionProgress,
  DeletionState,
  OutboxEntry,
  OutboxStorage,
  OutboxTabMessage,
  OutboxTabPort,
  OutboxTabs,
  UndoableDeletion,
} from './runtime';
export {
  clearStoredOutbox,
  conversationListQueryKey,
  createConversationKitRuntime,
  createLocalStorageOutbox,
  createMemoryOutbox,
  outboxStorageKeyPrefix,
} from './runtime';
export type {
  ConversationStore,
  ConversationStoreOptions,
  ConversationStoreState,
  DeletionRequest,
} from './store';
export { createConversationStore } from './store';
