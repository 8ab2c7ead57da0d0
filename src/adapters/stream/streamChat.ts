// The kit's own, structural view of the `stream-chat` SDK. The SDK is an optional peer dependency:
// the published .d.ts files are read by every host's compiler, with or without the SDK installed,
// so these types must not import it. They name only what the adapter uses, and the answers are
// read defensively. tests/types/streamSdk.test-d.ts holds them against the SDK's own typings (a
// `StreamChat` is a `StreamChatClient`, a `Channel` is a `StreamChannel`), so an SDK change that
// matters still breaks `npm test`.

/** A user as Stream's channel members carry it. */
export interface StreamUser {
  id: string;
  name?: string;
  image?: string;
}

/** A message as the channel's state holds it (`created_at` a `Date`, a string in raw events). */
export interface StreamMessage {
  text?: string;
  created_at?: Date | string;
}

/** A member of a channel (`channel.state.members[userID]`, `channel.state.membership`). */
export interface StreamMember {
  user_id?: string;
  user?: StreamUser;
  /** When this member pinned the channel: Stream's pinning is per member. */
  pinned_at?: string | null;
}

/** The part of a `Channel` of the SDK (`client.channel(…)`, `queryChannels`) the adapter uses. */
export interface StreamChannel {
  /** `type:id`, e.g. `messaging:general`: the kit's conversation ID. */
  readonly cid: string;
  readonly id: string | undefined;
  readonly type: string;
  readonly data:
    | { name?: string; image?: string; member_count?: number; [key: string]: unknown }
    | undefined;
  readonly state: {
    readonly members: Readonly<Record<string, StreamMember>>;
    readonly membership: StreamMember;
  };
  /** Hides the channel for `userId` until a new message arrives; `clearHistory` drops its messages for them. */
  hide(userId?: string | null, clearHistory?: boolean): Promise<unknown>;
  lastMessage(): StreamMessage | undefined;
  countUnread(): number;
}

/** An event of the client's WebSocket (`client.on(handler)`), the fields the adapter reads. */
export interface StreamEvent {
  type: string;
  cid?: string;
  /** `connection.changed`: whether the connection is up. */
  online?: boolean;
}

/** Channel filter of `queryChannels`: the user's messaging channels, or some by `cid`. */
export type StreamChannelFilter =
  | { type: string; members: { $in: string[] } }
  | { cid: { $in: string[] }; members: { $in: string[] } };

/**
 * The part of a `StreamChat` client (`new StreamChat(apiKey)` or `StreamChat.getInstance(apiKey)`,
 * then `connectUser`) the adapter uses. The SDK's `StreamChat` satisfies it as it is.
 */
export interface StreamChatClient {
  /** The connected user's ID; `undefined` before `connectUser`. */
  readonly userID?: string;
  /** The channels this client knows, by `cid`: those `queryChannels` returned, among others. */
  readonly activeChannels: Readonly<Record<string, StreamChannel>>;
  queryChannels(
    filterConditions: StreamChannelFilter,
    sort: Array<{ last_message_at: 1 | -1 }>,
    options: {
      limit: number;
      offset: number;
      state: boolean;
      watch: boolean;
      presence: boolean;
      message_limit: number;
    },
  ): Promise<StreamChannel[]>;
  /** Listens to every event of the client; the SDK's `on(callback)` form. */
  on(callback: (event: StreamEvent) => void): { unsubscribe(): void };
}

/** Stream's API error codes the adapter knows (`error.code` of the SDK's `ErrorFromResponse`). */
export const StreamErrorCode = {
  /** `DoesNotExistError`: the channel is not there (or not visible to the user). */
  DOES_NOT_EXIST: 16,
  /** `RequestTimeoutError`: Stream's server timed out; nothing says the hide happened. */
  REQUEST_TIMEOUT: 23,
} as const;

/** A page of `queryChannels`: Stream answers at most 30 channels per call. */
export const STREAM_CHANNELS_PAGE_SIZE = 30;
