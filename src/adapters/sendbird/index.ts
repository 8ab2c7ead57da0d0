export type { SendbirdChatAdapterOptions } from './createSendbirdChatAdapter';
export {
  createSendbirdChatAdapter,
  describeSendbirdFailure,
  isSendbirdConversationID,
  SENDBIRD_MAX_BATCH_SIZE,
} from './createSendbirdChatAdapter';
export type {
  SendbirdChannelListParams,
  SendbirdChannelListQuery,
  SendbirdChatInstance,
  SendbirdConnectionHandlerParams,
  SendbirdGroupChannel,
  SendbirdGroupChannelHandlerParams,
  SendbirdHideParams,
  SendbirdMember,
} from './sendbirdChat';
export { SendbirdErrorCode } from './sendbirdChat';
export type { SendbirdConversationOptions } from './toSendbirdConversation';
export { toSendbirdConversation } from './toSendbirdConversation';
