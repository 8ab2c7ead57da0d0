// The `conversation-kit/stream` entry point: the adapter over a `stream-chat` client. Its types
// are the kit's own (no import of the SDK, an optional peer dependency), and the SDK's module is
// never loaded: the host hands the adapter a client it connected.
export type {
  StreamChannel,
  StreamChannelFilter,
  StreamChatAdapterOptions,
  StreamChatClient,
  StreamConversationOptions,
  StreamEvent,
  StreamMember,
  StreamMessage,
  StreamUser,
} from './adapters/stream';
export {
  createStreamChatAdapter,
  isStreamConversationID,
  STREAM_MAX_BATCH_SIZE,
  toStreamConversation,
} from './adapters/stream';
