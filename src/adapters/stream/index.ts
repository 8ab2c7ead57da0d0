export type { StreamChatAdapterOptions } from './createStreamChatAdapter';
export {
  createStreamChatAdapter,
  describeStreamFailure,
  isStreamConversationID,
  STREAM_MAX_BATCH_SIZE,
} from './createStreamChatAdapter';
export type {
  StreamChannel,
  StreamChannelFilter,
  StreamChatClient,
  StreamEvent,
  StreamMember,
  StreamMessage,
  StreamUser,
} from './streamChat';
export { StreamErrorCode } from './streamChat';
export type { StreamConversationOptions } from './toStreamConversation';
export { toStreamConversation } from './toStreamConversation';
