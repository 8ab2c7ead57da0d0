export { compareConversations, sortConversations } from './conversationListCache';
export type {
  ConversationKitRuntime,
  DeleteConversationsOptions,
} from './createConversationKitRuntime';
export { createConversationKitRuntime } from './createConversationKitRuntime';
export type { SendDeletionsOptions, SendDeletionsResult } from './sendDeletions';
export { DEFAULT_DELETE_CONCURRENCY, sendDeletions } from './sendDeletions';
export { useConversationEvents } from './useConversationEvents';
export { useConversationSelection } from './useConversationSelection';
export { useConversationStore } from './useConversationStore';
export { useConversations } from './useConversations';
export type { DeleteConversationVariables } from './useDeleteConversation';
export { useDeleteConversation } from './useDeleteConversation';
export type { DeleteConversationsVariables } from './useDeleteConversations';
export { useDeleteConversations } from './useDeleteConversations';
export { useDeletionRequest } from './useDeletionRequest';
