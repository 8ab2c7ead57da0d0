// The public API of conversation-kit. Everything a host app may import is listed here by name.

export type {
  ConnectOptions,
  GeneratedConversation,
  MemoryChatCall,
  MemoryChatFault,
  MemoryChatServer,
  MemoryChatServerOptions,
} from './adapters/memory';
export {
  createMemoryChatServer,
  DEFAULT_REFERENCE_TIME,
  generateConversations,
  MEMORY_SERVER_MAX_BATCH_SIZE,
} from './adapters/memory';
export type {
  TencentChat,
  TencentChatAdapterOptions,
  TencentConversation,
} from './adapters/tencent';
export {
  createTencentChatAdapter,
  TENCENT_MAX_BATCH_SIZE,
  toConversation,
} from './adapters/tencent';
export type { ConversationKitProviderProps } from './components/ConversationKitProvider';
export {
  ConversationKitProvider,
  useConversationKit,
  useTranslator,
} from './components/ConversationKitProvider';
export type { ConversationListProps, ConversationRenderState } from './components/ConversationList';
export { ConversationList } from './components/ConversationList';
export type { DeleteConversationDialogProps } from './components/DeleteConversationDialog';
export { DeleteConversationDialog } from './components/DeleteConversationDialog';
export type {
  AdapterCapabilities,
  ChatAdapter,
  Conversation,
  ConversationEvent,
  ConversationIdForm,
  ConversationKitErrorCode,
  ConversationType,
  DeleteListOptions,
  DeleteResult,
  DeletionOrigin,
  ParsedConversationID,
} from './core';
export {
  ConversationKitError,
  chunk,
  dedupeConversationIDs,
  isConversationID,
  isConversationKitError,
  parseConversationID,
  SdkCode,
  UNKNOWN_FAILURE_CODE,
  validateConversationIDs,
} from './core';
export type {
  ConversationKitRuntime,
  DeleteConversationsOptions,
  DeleteConversationsVariables,
  DeleteConversationVariables,
} from './hooks';
export {
  compareConversations,
  createConversationKitRuntime,
  useConversationEvents,
  useConversationSelection,
  useConversationStore,
  useConversations,
  useDeleteConversation,
  useDeleteConversations,
  useDeletionRequest,
} from './hooks';
export type { Locale, Messages, PluralMessage, Translator } from './i18n';
export { createTranslator, loadLocale } from './i18n';
export type {
  ConversationStore,
  ConversationStoreOptions,
  ConversationStoreState,
  DeletionOutcome,
  DeletionProgress,
  DeletionRequest,
} from './store';
export { createConversationStore } from './store';
