export type {
  ConnectOptions,
  MemoryChatCall,
  MemoryChatFault,
  MemoryChatServer,
  MemoryChatServerOptions,
} from './createMemoryChatServer';
export {
  createMemoryChatServer,
  MEMORY_SERVER_DEFAULT_ACCOUNT_ID,
  MEMORY_SERVER_MAX_BATCH_SIZE,
} from './createMemoryChatServer';
export type { GeneratedConversation } from './generateConversations';
export {
  createRandom,
  DEFAULT_REFERENCE_TIME,
  generateConversations,
} from './generateConversations';
