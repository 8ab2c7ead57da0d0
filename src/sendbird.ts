// The `conversation-kit/sendbird` entry point: the adapter over an `@sendbird/chat` instance with
// the group channel module. Its types are the kit's own (no type import of the SDK, an optional
// peer dependency); its code takes Sendbird's two handler classes from the SDK the host has.
export type {
  SendbirdChannelListParams,
  SendbirdChannelListQuery,
  SendbirdChatAdapterOptions,
  SendbirdChatInstance,
  SendbirdConnectionHandlerParams,
  SendbirdConversationOptions,
  SendbirdGroupChannel,
  SendbirdGroupChannelHandlerParams,
  SendbirdHideParams,
  SendbirdMember,
} from './adapters/sendbird';
export {
  createSendbirdChatAdapter,
  isSendbirdConversationID,
  SENDBIRD_MAX_BATCH_SIZE,
  toSendbirdConversation,
} from './adapters/sendbird';
