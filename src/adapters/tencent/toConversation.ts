import { parseConversationID } from '../../core/conversationIds';
import type { Conversation, ConversationType } from '../../core/types';
import { type TencentConversation, TencentConversationType } from './tencentChat';

export interface ToConversationOptions {
  /** The name shown for the system notification conversation; `'System'` by default. */
  systemConversationName?: string;
}

const DEFAULT_SYSTEM_CONVERSATION_NAME = 'System';

/**
 * Maps a conversation of `@tencentcloud/chat` to the kit's `Conversation`.
 *
 * The name comes from the friend remark, then the nickname, then the user ID (C2C), or from the
 * group name, then the group ID (GROUP). `lastMessage.lastTime` is in seconds in the SDK and
 * becomes milliseconds here.
 */
export function toConversation(
  sdkConversation: TencentConversation,
  options: ToConversationOptions = {},
): Conversation {
  // The SDK's typings call every field required, but real objects leave the profile of the other
  // kind (`groupProfile` of a C2C conversation) unset, so every read below tolerates absence.
  const { conversationID } = sdkConversation;
  const type = readType(sdkConversation);
  const conversation: Conversation = {
    conversationID,
    type,
    displayName: readDisplayName(sdkConversation, type, options),
    unreadCount: readCount(sdkConversation.unreadCount),
    isPinned: sdkConversation.isPinned === true,
  };
  const avatarUrl = firstNonEmpty(
    type === 'C2C' ? sdkConversation.userProfile?.avatar : sdkConversation.groupProfile?.avatar,
  );
  if (avatarUrl !== undefined) conversation.avatarUrl = avatarUrl;
  const lastMessage = readLastMessage(sdkConversation.lastMessage);
  if (lastMessage !== undefined) conversation.lastMessage = lastMessage;
  return conversation;
}

function readType(sdkConversation: TencentConversation): ConversationType {
  switch (sdkConversation.type) {
    case TencentConversationType.C2C:
      return 'C2C';
    // Topics of community groups are group conversations to the person reading the list.
    case TencentConversationType.GROUP:
    case TencentConversationType.TOPIC:
      return 'GROUP';
    case TencentConversationType.SYSTEM:
      return 'SYSTEM';
    default:
      // A type this SDK version does not declare: the ID's prefix still says which kind it is.
      return parseConversationID(sdkConversation.conversationID)?.type ?? 'GROUP';
  }
}

function readDisplayName(
  sdkConversation: TencentConversation,
  type: ConversationType,
  options: ToConversationOptions,
): string {
  // The raw conversation ID is the last resort: names are never parsed out of IDs.
  switch (type) {
    case 'C2C':
      return (
        firstNonEmpty(
          sdkConversation.remark,
          sdkConversation.userProfile?.nick,
          sdkConversation.userProfile?.userID,
        ) ?? sdkConversation.conversationID
      );
    case 'GROUP':
      return (
        firstNonEmpty(sdkConversation.groupProfile?.name, sdkConversation.groupProfile?.groupID) ??
        sdkConversation.conversationID
      );
    case 'SYSTEM':
      return options.systemConversationName ?? DEFAULT_SYSTEM_CONVERSATION_NAME;
  }
}

function readLastMessage(lastMessage: unknown): Conversation['lastMessage'] {
  // Destructuring works on any value but `null` and `undefined`; a primitive has neither field.
  const { messageForShow, lastTime } = (lastMessage ?? {}) as Record<string, unknown>;
  // A conversation without messages carries a `lastMessage` whose `lastTime` is 0: no preview.
  if (typeof lastTime !== 'number' || !Number.isFinite(lastTime) || lastTime <= 0) return undefined;
  return {
    text: typeof messageForShow === 'string' ? messageForShow : '',
    timestamp: lastTime * 1000,
  };
}

function readCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** The first of the values that is a non-empty string. */
function firstNonEmpty(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}
