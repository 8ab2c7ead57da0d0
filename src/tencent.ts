// The `conversation-kit/tencent` entry point: the adapter over a `@tencentcloud/chat` instance.
// Its types are the kit's own (no import of the SDK, an optional peer dependency), and the SDK's
// module is never loaded: the host hands the adapter an instance it created.
export type {
  TencentChat,
  TencentChatAdapterOptions,
  TencentConversation,
  TencentDeleteConversationOptions,
  ToConversationOptions,
} from './adapters/tencent';
export { createTencentChatAdapter, toConversation } from './adapters/tencent';
export type { TencentEventHandler } from './adapters/tencent/tencentChat';
