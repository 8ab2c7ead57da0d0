import { SdkCode, UNKNOWN_FAILURE_CODE } from '../../core/errors';
import type { ChatAdapter } from '../../core/types';
import {
  type BackendFailure,
  type ChannelEventSink,
  createChannelHidingAdapter,
} from '../channelHiding/createChannelHidingAdapter';
import {
  STREAM_CHANNELS_PAGE_SIZE,
  type StreamChannel,
  type StreamChatClient,
  StreamErrorCode,
  type StreamEvent,
} from './streamChat';
import { type StreamConversationOptions, toStreamConversation } from './toStreamConversation';

/** Options of `createStreamChatAdapter`. */
export interface StreamChatAdapterOptions extends StreamConversationOptions {
  /** The channel type whose channels are listed. Default `messaging`. */
  channelType?: string;
  /** How many hide calls run at once in a batch deletion. Default 5. */
  concurrency?: number;
  /** The adapter's `cacheKey`, for a list prefetched on the server: docs/server-rendering.md. */
  cacheKey?: string;
}

/** IDs per `deleteConversationList` call the kit makes: each is one hide call, 5 at a time. */
export const STREAM_MAX_BATCH_SIZE = 25;

// A `cid` is `type:id`. Stream's channel types are lowercase letters, digits, `_` and `-`;
// channel IDs letters, digits and `!-_` (distinct channels' generated IDs start with `!members-`),
// at most 64 characters.
const STREAM_CID = /^[a-z0-9_-]+:[A-Za-z0-9!_-]{1,64}$/;

/** Whether a string is a Stream Chat channel `cid` (`messaging:general`). */
export function isStreamConversationID(value: string): boolean {
  return STREAM_CID.test(value);
}

// Events that take a channel out of the person's list, and those that put one (back) in it.
const REMOVING_EVENTS = new Set([
  'channel.hidden',
  'channel.deleted',
  'notification.channel_deleted',
]);
const SHOWING_EVENTS = new Set(['channel.visible', 'message.new', 'notification.message_new']);

/**
 * Creates the kit's `ChatAdapter` over a connected `stream-chat` client.
 *
 * - Conversations are the user's channels of one type (`messaging` by default), from
 *   `queryChannels({type, members: {$in: [userID]}})`, newest message first, every page; their IDs
 *   are the channels' `cid`s. A distinct channel of two members is a `C2C` conversation named
 *   after the other member, any other a `GROUP`.
 * - Deleting hides the channel for the user: `channel.hide(userID, true)` clears the history
 *   (`deleteConversation`, and `clearMessage: true`), `hide(userID, false)` keeps it. Stream has
 *   no batch hide: a list is hidden channel by channel, 5 at a time, one `DeleteResult` per ID.
 *   A new message shows the channel again (with its old history unless it was cleared).
 * - Stream's error code 16 (does not exist) is the kit's not found (2500), which counts as
 *   deleted; no answer from the network is 2800 (2801 for a timeout, also Stream's code 23); any
 *   other code is kept, with Stream's message.
 * - Events: `channel.hidden`, `channel.deleted` and `notification.channel_deleted` remove a
 *   conversation (remote, unless this client is hiding it); `channel.visible`, `message.new` and
 *   `notification.message_new` update or bring one back. `connection.changed` is the connection.
 * - `accountID` is `client.userID`.
 *
 * The kit never loads `stream-chat`: the host hands over a client it connected.
 *
 * @example
 * const client = StreamChat.getInstance(apiKey);
 * await client.connectUser({ id: userID }, userToken);
 * const adapter = createStreamChatAdapter(client);
 */
export function createStreamChatAdapter(
  client: StreamChatClient,
  options: StreamChatAdapterOptions = {},
): ChatAdapter {
  const channelType = options.channelType ?? 'messaging';
  const accountID = () =>
    typeof client.userID === 'string' && client.userID !== '' ? client.userID : undefined;
  const toConversation = (channel: StreamChannel) =>
    toStreamConversation(channel, accountID(), options);

  /** The channels of these cids the user is a member of and sees (hidden ones are left out). */
  async function queryByCid(cids: string[], userID: string): Promise<StreamChannel[]> {
    return client.queryChannels(
      { cid: { $in: cids }, members: { $in: [userID] } },
      [{ last_message_at: -1 }],
      {
        limit: STREAM_CHANNELS_PAGE_SIZE,
        offset: 0,
        state: true,
        watch: true,
        presence: false,
        message_limit: 1,
      },
    );
  }

  /** The channel of a cid: the one the client holds, or found by a query; `undefined` if none. */
  async function findChannel(cid: string, userID: string): Promise<StreamChannel | undefined> {
    const known = client.activeChannels[cid];
    if (known !== undefined) return known;
    const [found] = await queryByCid([cid], userID);
    return found;
  }

  return createChannelHidingAdapter({
    maxBatchSize: STREAM_MAX_BATCH_SIZE,
    concurrency: options.concurrency ?? 5,
    cacheKey: options.cacheKey,
    accountID,
    isConversationID: isStreamConversationID,

    async listConversations() {
      const userID = accountID() as string;
      const channels: StreamChannel[] = [];
      // Stream answers at most 30 channels a call; a short page is the last.
      for (let offset = 0; ; offset += STREAM_CHANNELS_PAGE_SIZE) {
        const page = await client.queryChannels(
          { type: channelType, members: { $in: [userID] } },
          [{ last_message_at: -1 }],
          {
            limit: STREAM_CHANNELS_PAGE_SIZE,
            offset,
            state: true,
            // Watched channels send `message.new`, `channel.hidden`… to this connection.
            watch: true,
            presence: false,
            message_limit: 1,
          },
        );
        channels.push(...page);
        if (page.length < STREAM_CHANNELS_PAGE_SIZE) break;
      }
      return channels.map(toConversation);
    },

    async hide(cid, clearHistory) {
      const userID = accountID() as string;
      const channel = await findChannel(cid, userID);
      if (channel === undefined) {
        // What Stream itself answers for a channel it does not have.
        throw Object.assign(new Error(`Channel ${cid} does not exist`), {
          code: StreamErrorCode.DOES_NOT_EXIST,
        });
      }
      return channel.hide(userID, clearHistory);
    },

    describeFailure: describeStreamFailure,

    watchChannels(sink) {
      const subscription = client.on((event) => handleChannelEvent(event, sink));
      return () => subscription.unsubscribe();
    },

    watchConnection(listener) {
      const subscription = client.on((event) => {
        if (event.type === 'connection.changed' && typeof event.online === 'boolean') {
          listener(event.online);
        }
      });
      return () => subscription.unsubscribe();
    },
  });

  function handleChannelEvent(event: StreamEvent, sink: ChannelEventSink): void {
    const cid = event.cid;
    // Only the listed type's channels are conversations of this list.
    if (typeof cid !== 'string' || !cid.startsWith(`${channelType}:`)) return;
    if (REMOVING_EVENTS.has(event.type)) {
      sink.removed([cid]);
      return;
    }
    if (!SHOWING_EVENTS.has(event.type)) return;
    const userID = accountID();
    if (userID === undefined) return;
    const channel = client.activeChannels[cid];
    if (channel !== undefined) {
      // The SDK updates the channel's state before it calls the client's listeners.
      sink.shown([toConversation(channel)]);
      return;
    }
    // A channel this client never loaded (hidden before the list was read, or new): read it.
    // Events carry raw channel data without the member's view (unread count, membership).
    queryByCid([cid], userID).then(
      (channels) => sink.shown(channels.map(toConversation)),
      () => {
        // Shown on the next list read; an event handler has no one to report a failure to.
      },
    );
  }
}

// Axios's codes for a request that got no answer (the SDK sends its REST calls with axios).
const NETWORK_ERROR_CODES = new Set([
  'ERR_NETWORK',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EPIPE',
]);
const TIMEOUT_ERROR_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Stream's failure in the kit's terms. The SDK rejects with an `ErrorFromResponse` carrying
 * Stream's numeric API `code` and the HTTP `status`, or with axios's error (a string `code`, no
 * `response`) when no answer came.
 */
export function describeStreamFailure(error: unknown): BackendFailure {
  const { code, status, message, response } = (error ?? {}) as {
    code?: unknown;
    status?: unknown;
    message?: unknown;
    response?: unknown;
  };
  const text = typeof message === 'string' && message !== '' ? message : undefined;
  if (code === StreamErrorCode.DOES_NOT_EXIST || (code == null && status === 404)) {
    return { code: SdkCode.CONVERSATION_NOT_FOUND, message: text ?? 'Conversation not found' };
  }
  if (
    code === StreamErrorCode.REQUEST_TIMEOUT ||
    (typeof code === 'string' && TIMEOUT_ERROR_CODES.has(code))
  ) {
    return { code: SdkCode.NETWORK_TIMEOUT, message: text ?? 'Network timeout' };
  }
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code) && response === undefined) {
    return { code: SdkCode.NETWORK_ERROR, message: text ?? 'Network error' };
  }
  if (typeof code === 'number' && Number.isFinite(code)) {
    return { code, message: text ?? `Stream Chat error ${code}` };
  }
  return { code: UNKNOWN_FAILURE_CODE, message: text ?? 'Unknown failure' };
}
