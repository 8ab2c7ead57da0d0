export type {
  ConversationIdForm,
  ParsedConversationID,
  ValidateConversationIDsOptions,
} from './conversationIds';
export {
  chunk,
  dedupeConversationIDs,
  findDuplicates,
  isConversationID,
  parseConversationID,
  validateConversationID,
  validateConversationIDs,
} from './conversationIds';
export type { ConversationKitErrorCode, ConversationKitErrorOptions } from './errors';
export {
  ConversationKitError,
  describeSdkCode,
  isConversationKitError,
  isNetworkFailureCode,
  kitCodeForSdkCode,
  readBackendFailure,
  SdkCode,
  toConversationKitError,
  UNKNOWN_FAILURE_CODE,
} from './errors';
export type { ListenerSet } from './listenerSet';
export { createListenerSet } from './listenerSet';
export { failAll, failed, succeeded } from './results';
export type {
  AdapterCapabilities,
  ChatAdapter,
  Conversation,
  ConversationEvent,
  ConversationType,
  DeleteListOptions,
  DeleteResult,
  DeletionOrigin,
} from './types';
