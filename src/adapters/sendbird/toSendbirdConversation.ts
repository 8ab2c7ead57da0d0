import type { Conversation } from '../../core/types';
import type { SendbirdGroupChannel } from './sendbirdChat';

/** Options of the mapping from a Sendbird group channel to the kit's `Conversation`. */
export interface SendbirdConversationOptions {
  /** The name of a channel that has no name and no other member to be named after. Default: its URL. */
  unnamedChannelName?: (channel: SendbirdGroupChannel) => string;
}

// Sendbird names a channel created without a name "Group Channel": no name to show for a 1:1 chat.
const SENDBIRD_DEFAULT_CHANNEL_NAME = 'Group Channel';

/**
 * Maps a Sendbird group channel to the kit's `Conversation`: a distinct channel of two members is
 * `C2C` and is named after the other member unless it was given a name; any other is `GROUP`.
 * Sendbird has no per-user pinning of channels, so `isPinned` is `false`.
 */
export function toSendbirdConversation(
  channel: SendbirdGroupChannel,
  userID: string | undefined,
  options: SendbirdConversationOptions = {},
): Conversation {
  const isDirect = channel.isDistinct && channel.memberCount === 2;
  const other = isDirect
    ? (channel.members ?? []).find((member) => member.userId !== userID)
    : undefined;
  const ownName = nonEmpty(channel.name === SENDBIRD_DEFAULT_CHANNEL_NAME ? '' : channel.name);
  const displayName =
    ownName ??
    nonEmpty(other?.nickname) ??
    nonEmpty(other?.userId) ??
    nonEmpty(channel.name) ??
    options.unnamedChannelName?.(channel) ??
    channel.url;
  const avatarUrl = nonEmpty(channel.coverUrl) ?? nonEmpty(other?.profileUrl);
  const last = channel.lastMessage;
  const lastMessage =
    last && Number.isFinite(last.createdAt)
      ? { text: typeof last.message === 'string' ? last.message : '', timestamp: last.createdAt }
      : undefined;
  return {
    conversationID: channel.url,
    type: isDirect ? 'C2C' : 'GROUP',
    displayName,
    ...(avatarUrl === undefined ? {} : { avatarUrl }),
    ...(lastMessage === undefined ? {} : { lastMessage }),
    unreadCount: Math.max(0, channel.unreadMessageCount || 0),
    isPinned: false,
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
