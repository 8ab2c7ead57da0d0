export type { ConversationListDiff } from './conversationListDiff';
export { diffConversationLists, isSameConversation } from './conversationListDiff';
export type { TencentChatAdapterOptions } from './createTencentChatAdapter';
export { createTencentChatAdapter } from './createTencentChatAdapter';
export type {
  TencentChat,
  TencentConversation,
  TencentDeleteConversationOptions,
} from './tencentChat';
export {
  CONVERSATION_LIST_UPDATED,
  NET_STATE_CHANGE,
  TENCENT_MAX_BATCH_SIZE,
  TencentConversationType,
  TencentNetState,
} from './tencentChat';
export type { ToConversationOptions } from './toConversation';
export { toConversation } from './toConversation';
