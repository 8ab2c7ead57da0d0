// Sendbird refuses handlers that are not instances of its own classes (a plain object with the
// callbacks is rejected as an invalid parameter, 800110), so this module takes the two handler
// classes from the SDK: the one value import of a vendor SDK in the kit. The host that imports
// `conversation-kit/sendbird` has the SDK already (it made the instance); the kit's other entry
// points never load it, and the published types stay the kit's own (sendbirdChat.ts).
import { ConnectionHandler } from '@sendbird/chat';
import { GroupChannelHandler } from '@sendbird/chat/groupChannel';
import { SdkCode, UNKNOWN_FAILURE_CODE } from '../../core/errors';
import type { ChatAdapter } from '../../core/types';
import {
  type BackendFailure,
  createChannelHidingAdapter,
} from '../channelHiding/createChannelHidingAdapter';
import {
  SENDBIRD_CHANNELS_PAGE_SIZE,
  type SendbirdAnyChannel,
  type SendbirdChatInstance,
  type SendbirdConnectionHandlerParams,
  SendbirdErrorCode,
  type SendbirdGroupChannel,
  type SendbirdGroupChannelHandlerParams,
} from './sendbirdChat';
import { type SendbirdConversationOptions, toSendbirdConversation } from './toSendbirdConversation';

/** Options of `createSendbirdChatAdapter`. */
export interface SendbirdChatAdapterOptions extends SendbirdConversationOptions {
  /** How many hide calls run at once in a batch deletion. Default 5. */
  concurrency?: number;
  /** The adapter's `cacheKey`, for a list prefetched on the server: docs/server-rendering.md. */
  cacheKey?: string;
}

/** IDs per `deleteConversationList` call the kit makes: each is one hide call, 5 at a time. */
export const SENDBIRD_MAX_BATCH_SIZE = 25;

// Channel URLs are the app's own or Sendbird's (`sendbird_group_channel_…`): letters, digits and
// a few marks, never whitespace, control characters or a slash, at most a few hundred characters.
const SENDBIRD_CHANNEL_URL = /^[^\s\p{Cc}/?#]{1,256}$/u;

/** Whether a string can be a Sendbird channel URL. */
export function isSendbirdConversationID(value: string): boolean {
  return SENDBIRD_CHANNEL_URL.test(value);
}

let lastHandlerNumber = 0;

/**
 * Creates the kit's `ChatAdapter` over a connected `@sendbird/chat` instance with the group
 * channel module.
 *
 * - Conversations are the user's group channels (`createMyGroupChannelListQuery`, empty ones
 *   included, hidden ones left out), newest message first, every page; their IDs are the channel
 *   URLs. A distinct channel of two members is `C2C`, named after the other member; any other is
 *   a `GROUP`.
 * - Deleting hides the channel for the user: `hide({hidePreviousMessages: true, allowAutoUnhide:
 *   true})` clears the history (`deleteConversation`, `clearMessage: true`), `false` keeps it.
 *   Sendbird has no batch hide: a list is hidden channel by channel, 5 at a time, one
 *   `DeleteResult` per ID. A new message shows the channel again.
 * - Sendbird's 400201 (not found) is the kit's 2500, which counts as deleted; its network,
 *   WebSocket and timeout codes (800120, 800121, 800180, 800190, 800200, 800210, 800220) and
 *   "connection required" (800101) are the kit's 2800-range; any other code is kept, with
 *   Sendbird's message.
 * - Events: a `GroupChannelHandler`'s `onChannelHidden`, `onChannelDeleted` and `onUserLeft`
 *   (this user) remove a conversation; `onMessageReceived` and `onChannelChanged` update it or
 *   bring it back. A `ConnectionHandler` tells the connection.
 * - `accountID` is `sb.currentUser?.userId`.
 *
 * @example
 * const sb = SendbirdChat.init({ appId, modules: [new GroupChannelModule()] });
 * await sb.connect(userId, accessToken);
 * const adapter = createSendbirdChatAdapter(sb);
 */
export function createSendbirdChatAdapter(
  sb: SendbirdChatInstance,
  options: SendbirdChatAdapterOptions = {},
): ChatAdapter {
  lastHandlerNumber += 1;
  const handlerKey = `conversation-kit-${lastHandlerNumber}`;
  const accountID = () => {
    const userId = sb.currentUser?.userId;
    return typeof userId === 'string' && userId !== '' ? userId : undefined;
  };
  // The channels last listed, by URL: hiding one needs the SDK's object, not only its URL.
  const knownChannels = new Map<string, SendbirdGroupChannel>();
  const toConversation = (channel: SendbirdGroupChannel) =>
    toSendbirdConversation(channel, accountID(), options);

  return createChannelHidingAdapter({
    maxBatchSize: SENDBIRD_MAX_BATCH_SIZE,
    concurrency: options.concurrency ?? 5,
    cacheKey: options.cacheKey,
    accountID,
    isConversationID: isSendbirdConversationID,

    async listConversations() {
      const query = sb.groupChannel.createMyGroupChannelListQuery({
        includeEmpty: true,
        limit: SENDBIRD_CHANNELS_PAGE_SIZE,
        order: 'latest_last_message',
        hiddenChannelFilter: 'unhidden_only',
      });
      const channels: SendbirdGroupChannel[] = [];
      while (query.hasNext) {
        const page = await query.next();
        channels.push(...page);
        // A query that says it has more but answers nothing would loop for ever.
        if (page.length === 0) break;
      }
      knownChannels.clear();
      for (const channel of channels) knownChannels.set(channel.url, channel);
      return channels.map(toConversation);
    },

    async hide(url, clearHistory) {
      // `getChannel` rejects with 400201 for a channel Sendbird does not have.
      const channel = knownChannels.get(url) ?? (await sb.groupChannel.getChannel(url));
      return channel.hide({ hidePreviousMessages: clearHistory, allowAutoUnhide: true });
    },

    describeFailure: describeSendbirdFailure,

    watchChannels(sink) {
      const remember = (channel: SendbirdGroupChannel) => {
        knownChannels.set(channel.url, channel);
        return channel;
      };
      const showOrRemove = (channel: SendbirdAnyChannel) => {
        if (!channel.isGroupChannel()) return;
        if (channel.isHidden) sink.removed([channel.url]);
        else sink.shown([toConversation(remember(channel))]);
      };
      const callbacks: SendbirdGroupChannelHandlerParams = {
        onChannelHidden: (channel) => sink.removed([channel.url]),
        onChannelDeleted: (channelUrl) => sink.removed([channelUrl]),
        onUserLeft: (channel, user) => {
          if (user.userId === accountID()) sink.removed([channel.url]);
        },
        onMessageReceived: showOrRemove,
        // Also what an automatic unhide looks like (a message arrived in a hidden channel).
        onChannelChanged: showOrRemove,
      };
      // The SDK's class around the kit's callbacks, whose parameter types accept what the SDK
      // hands over (tests/types/sendbirdSdk.test-d.ts); typed back as the callbacks it holds.
      const handler = new GroupChannelHandler(callbacks) as SendbirdGroupChannelHandlerParams;
      sb.groupChannel.addGroupChannelHandler(handlerKey, handler);
      return () => sb.groupChannel.removeGroupChannelHandler(handlerKey);
    },

    watchConnection(listener) {
      const callbacks: SendbirdConnectionHandlerParams = {
        onConnected: () => listener(true),
        onReconnectSucceeded: () => listener(true),
        onReconnectStarted: () => listener(false),
        onReconnectFailed: () => listener(false),
        onDisconnected: () => listener(false),
      };
      sb.addConnectionHandler(handlerKey, new ConnectionHandler(callbacks));
      return () => sb.removeConnectionHandler(handlerKey);
    },
  });
}

const NETWORK_CODES: ReadonlyMap<number, number> = new Map([
  [SendbirdErrorCode.CONNECTION_REQUIRED, SdkCode.NETWORK_UNAVAILABLE],
  [SendbirdErrorCode.NETWORK_ERROR, SdkCode.NETWORK_ERROR],
  [SendbirdErrorCode.NETWORK_ROUTING_ERROR, SdkCode.NETWORK_ERROR],
  [SendbirdErrorCode.WEBSOCKET_CONNECTION_CLOSED, SdkCode.NETWORK_ERROR],
  [SendbirdErrorCode.WEBSOCKET_CONNECTION_FAILED, SdkCode.NETWORK_ERROR],
  [SendbirdErrorCode.REQUEST_FAILED, SdkCode.NETWORK_ERROR],
  [SendbirdErrorCode.ACK_TIMEOUT, SdkCode.NETWORK_TIMEOUT],
  [SendbirdErrorCode.LOGIN_TIMEOUT, SdkCode.NETWORK_TIMEOUT],
]);

/** Sendbird's failure (a `SendbirdError`: numeric `code`, `message`) in the kit's terms. */
export function describeSendbirdFailure(error: unknown): BackendFailure {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : undefined;
  if (typeof code !== 'number' || !Number.isFinite(code)) {
    return { code: UNKNOWN_FAILURE_CODE, message: text ?? 'Unknown failure' };
  }
  if (code === SendbirdErrorCode.NOT_FOUND_IN_DATABASE) {
    return { code: SdkCode.CONVERSATION_NOT_FOUND, message: text ?? 'Conversation not found' };
  }
  const networkCode = NETWORK_CODES.get(code);
  if (networkCode !== undefined) return { code: networkCode, message: text ?? 'Network error' };
  return { code, message: text ?? `Sendbird error ${code}` };
}
