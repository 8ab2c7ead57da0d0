import type { Conversation } from '../../core/types';
import type { StreamChannel, StreamMember } from './streamChat';

/** Options of the mapping from a Stream channel to the kit's `Conversation`. */
export interface StreamConversationOptions {
  /** The name of a channel that has no name and no other member to be named after. Default: its `cid`. */
  unnamedChannelName?: (channel: StreamChannel) => string;
}

// Stream gives a distinct channel (one made from its members, without an ID) the ID
// `!members-<hash>`: the one kind of channel that is a conversation between exactly these people.
const DISTINCT_CHANNEL_PREFIX = '!members-';

/**
 * Maps a Stream channel to the kit's `Conversation`: a distinct channel of two members is `C2C`
 * and is named after the other member unless it has a name; every other channel is `GROUP`.
 */
export function toStreamConversation(
  channel: StreamChannel,
  userID: string | undefined,
  options: StreamConversationOptions = {},
): Conversation {
  const members = Object.values(channel.state?.members ?? {});
  const memberCount = channel.data?.member_count ?? members.length;
  const isDirect = memberCount === 2 && (channel.id ?? '').startsWith(DISTINCT_CHANNEL_PREFIX);
  const other = isDirect ? members.find((member) => memberID(member) !== userID) : undefined;
  const name =
    nonEmpty(channel.data?.name) ?? nonEmpty(other?.user?.name) ?? nonEmpty(other?.user?.id);
  const lastMessage = readLastMessage(channel);
  const avatarUrl =
    nonEmpty(channel.data?.image) ?? (isDirect ? nonEmpty(other?.user?.image) : undefined);
  return {
    conversationID: channel.cid,
    type: isDirect ? 'C2C' : 'GROUP',
    displayName: name ?? options.unnamedChannelName?.(channel) ?? channel.cid,
    ...(avatarUrl === undefined ? {} : { avatarUrl }),
    ...(lastMessage === undefined ? {} : { lastMessage }),
    unreadCount: readUnreadCount(channel),
    isPinned: Boolean(channel.state?.membership?.pinned_at),
  };
}

function memberID(member: StreamMember): string | undefined {
  return member.user?.id ?? member.user_id;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readLastMessage(channel: StreamChannel): Conversation['lastMessage'] {
  const message = channel.lastMessage?.();
  if (message === undefined) return undefined;
  const timestamp = new Date(message.created_at ?? Number.NaN).getTime();
  if (!Number.isFinite(timestamp)) return undefined;
  return { text: message.text ?? '', timestamp };
}

function readUnreadCount(channel: StreamChannel): number {
  try {
    const count = channel.countUnread?.();
    return typeof count === 'number' && Number.isFinite(count) && count > 0 ? count : 0;
  } catch {
    // Without the member's read state (a channel read without `state`), nothing counts as unread.
    return 0;
  }
}
