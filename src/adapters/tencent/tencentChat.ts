import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK } from '@tencentcloud/chat';

/**
 * The part of a `@tencentcloud/chat` instance (`TencentCloudChat.create(...)`) the adapter uses.
 * A `Pick` of the SDK's own class type, so a change of those methods in the SDK breaks `tsc`
 * here and in the test fake instead of at runtime.
 */
export type TencentChat = Pick<
  ChatSDK,
  'deleteConversation' | 'getConversationList' | 'on' | 'off'
>;

/** A conversation as the SDK hands it out (its own model, not the kit's `Conversation`). */
export type { Conversation as TencentConversation } from '@tencentcloud/chat';

/** The object form of `chat.deleteConversation(...)`: `{conversationIDList, clearHistoryMessage}`. */
export type TencentDeleteConversationOptions = Exclude<
  Parameters<ChatSDK['deleteConversation']>[0],
  string
>;

// The SDK is an optional peer dependency that the kit never loads at runtime, and the instance
// type has no `EVENT` property, so the values are written out here. The template-literal types
// tie each one to the SDK's enums: if the SDK renames a value, this file stops compiling.

/** `TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED`. */
export const CONVERSATION_LIST_UPDATED: `${TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED}` =
  'onConversationListUpdated';

/** `TencentCloudChat.TYPES.CONV_*`: the values of an SDK conversation's `type`. */
export const TencentConversationType: {
  readonly C2C: `${TencentCloudChat.TYPES.CONV_C2C}`;
  readonly GROUP: `${TencentCloudChat.TYPES.CONV_GROUP}`;
  readonly TOPIC: `${TencentCloudChat.TYPES.CONV_TOPIC}`;
  readonly SYSTEM: `${TencentCloudChat.TYPES.CONV_SYSTEM}`;
} = { C2C: 'C2C', GROUP: 'GROUP', TOPIC: 'TOPIC', SYSTEM: '@TIM#SYSTEM' };

/** The Web SDK deletes at most this many conversations per call and silently drops the rest. */
export const TENCENT_MAX_BATCH_SIZE = 100;
