// The kit's own, structural view of `@sendbird/chat` (group channels). The SDK is an optional peer
// dependency: the published .d.ts files are read by every host's compiler, with or without the
// SDK installed, so these types must not import it. They name only what the adapter uses.
// tests/types/sendbirdSdk.test-d.ts holds them against the SDK's own typings (a `SendbirdGroupChat`
// is a `SendbirdChatInstance`, a `GroupChannel` a `SendbirdGroupChannel`), so an SDK change that
// matters still breaks `npm test`.

/** A member of a group channel (the SDK's `Member`), the fields the adapter reads. */
export interface SendbirdMember {
  readonly userId: string;
  readonly nickname: string;
  readonly profileUrl?: string;
}

/** The options of `channel.hide(...)` (the SDK's `GroupChannelHideParams`). */
export interface SendbirdHideParams {
  /** `true` clears the history for this user (`messageOffsetTimestamp` moves to now). */
  hidePreviousMessages?: boolean;
  /** `true` shows the channel again when a message arrives. */
  allowAutoUnhide?: boolean;
}

/** The part of a `GroupChannel` of the SDK the adapter uses. */
export interface SendbirdGroupChannel {
  /** The channel URL: the kit's conversation ID. */
  readonly url: string;
  readonly name: string;
  readonly coverUrl: string;
  /** A distinct channel is the one channel of exactly its members (a 1:1 chat when two). */
  readonly isDistinct: boolean;
  readonly memberCount: number;
  readonly members: readonly SendbirdMember[];
  readonly unreadMessageCount: number;
  /** `createdAt` in milliseconds; `message` is the text of a user message. */
  readonly lastMessage: { readonly message?: string; readonly createdAt: number } | null;
  readonly isHidden: boolean;
  hide(params: SendbirdHideParams): Promise<unknown>;
  isGroupChannel(): this is SendbirdGroupChannel;
}

/**
 * A channel of any kind (the SDK's `BaseChannel`), as the callbacks shared by every channel kind
 * hand it over: a group channel handler is only ever called with group channels, which this tells.
 */
export interface SendbirdAnyChannel {
  readonly url: string;
  isGroupChannel(): this is SendbirdGroupChannel;
}

/** The callbacks of a `GroupChannelHandler` the adapter listens to. */
export interface SendbirdGroupChannelHandlerParams {
  onChannelHidden?: (channel: SendbirdGroupChannel) => void;
  onChannelDeleted?: (channelUrl: string, channelType: string) => void;
  onChannelChanged?: (channel: SendbirdAnyChannel) => void;
  onMessageReceived?: (channel: SendbirdAnyChannel, message: unknown) => void;
  onUserLeft?: (channel: SendbirdGroupChannel, user: { readonly userId: string }) => void;
}

/** The callbacks of a `ConnectionHandler` the adapter listens to. */
export interface SendbirdConnectionHandlerParams {
  onConnected?: (userId: string) => void;
  onReconnectStarted?: () => void;
  onReconnectSucceeded?: () => void;
  onReconnectFailed?: () => void;
  onDisconnected?: (userId: string) => void;
}

/** The options of `createMyGroupChannelListQuery` the adapter passes (string values of the SDK's enums). */
export interface SendbirdChannelListParams {
  includeEmpty?: boolean;
  limit?: number;
  /** `GroupChannelListOrder`, e.g. `latest_last_message`. */
  order?: string;
  /** `HiddenChannelFilter`, e.g. `unhidden_only`. */
  hiddenChannelFilter?: string;
}

/** A `GroupChannelListQuery`: pages of the user's group channels. */
export interface SendbirdChannelListQuery {
  readonly hasNext: boolean;
  next(): Promise<SendbirdGroupChannel[]>;
}

/**
 * The part of a Sendbird instance with the group channel module (`SendbirdChat.init({appId,
 * modules: [new GroupChannelModule()]})`, then `connect`) the adapter uses.
 */
export interface SendbirdChatInstance {
  /** The connected user; `null` before `connect`. */
  readonly currentUser: { readonly userId: string } | null;
  readonly groupChannel: {
    createMyGroupChannelListQuery(params?: SendbirdChannelListParams): SendbirdChannelListQuery;
    getChannel(channelUrl: string): Promise<SendbirdGroupChannel>;
    addGroupChannelHandler(key: string, handler: SendbirdGroupChannelHandlerParams): void;
    removeGroupChannelHandler(key: string): void;
  };
  addConnectionHandler(key: string, handler: SendbirdConnectionHandlerParams): void;
  removeConnectionHandler(key: string): void;
}

/** Sendbird's error codes the adapter maps (`SendbirdErrorCode`, the `code` of a `SendbirdError`). */
export const SendbirdErrorCode = {
  NOT_FOUND_IN_DATABASE: 400201,
  CONNECTION_REQUIRED: 800101,
  NETWORK_ERROR: 800120,
  NETWORK_ROUTING_ERROR: 800121,
  ACK_TIMEOUT: 800180,
  LOGIN_TIMEOUT: 800190,
  WEBSOCKET_CONNECTION_CLOSED: 800200,
  WEBSOCKET_CONNECTION_FAILED: 800210,
  REQUEST_FAILED: 800220,
} as const;

/** A page of `createMyGroupChannelListQuery`: Sendbird answers at most 100 channels a call. */
export const SENDBIRD_CHANNELS_PAGE_SIZE = 100;
