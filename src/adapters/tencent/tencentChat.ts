// The kit's own, structural view of `@tencentcloud/chat`. The SDK is an optional peer dependency
// that the kit never loads, so these types must not import it either: the published .d.ts files
// are read by every host's compiler, with or without the SDK installed. They name only what the
// adapter uses. tests/types/tencentSdk.test-d.ts holds them against the SDK's own typings (a
// `ChatSDK` is a `TencentChat`, an SDK `Conversation` is a `TencentConversation`, the event and
// type values are the SDK's enum values), so an SDK change that matters still breaks `npm test`.

/** The object form of `chat.deleteConversation(...)` (the SDK's `DELETE_CONVERSATION_OPTIONS`). */
export interface TencentDeleteConversationOptions {
  conversationIDList: string[];
  /** `false` keeps the chat history; the SDK's default is `true`. */
  clearHistoryMessage?: boolean;
}

/** The handler of `chat.on(...)`: the SDK calls it with `{name, data}`. */
export type TencentEventHandler = (event: unknown) => void;

/**
 * The part of a `@tencentcloud/chat` instance (`TencentCloudChat.create(...)`) the adapter uses.
 * The SDK's `ChatSDK` satisfies it as it is; so does a host's own wrapper or a test fake with
 * these four methods (and `getLoginUser`, optionally). Answers are read defensively, hence `unknown`.
 */
export interface TencentChat {
  getConversationList(): Promise<unknown>;
  deleteConversation(options: string | TencentDeleteConversationOptions): Promise<unknown>;
  on(eventName: string, handler: TencentEventHandler): void;
  off(eventName: string, handler: TencentEventHandler): void;
  /**
   * The user ID of the logged-in user, `''` before login (the SDK types it `String`). Optional:
   * without it (a host's wrapper that leaves it out) the adapter's account is unknown.
   */
  getLoginUser?(): unknown;
}

/**
 * A conversation as the SDK hands it out (its own model, not the kit's `Conversation`): the
 * fields the adapter reads. The SDK's typings call them all required, but real objects leave out
 * the profile of the other kind (`groupProfile` of a C2C conversation), so only the ID is
 * required here and `toConversation` tolerates absence.
 */
export interface TencentConversation {
  conversationID: string;
  /**
   * `TencentCloudChat.TYPES.CONV_*`: see `TencentConversationType`. (The SDK's `TYPES` enum also
   * has numeric members, so its `Conversation['type']` is not a plain string.)
   */
  type?: string | number;
  unreadCount?: number;
  /** `{messageForShow, lastTime}`, `lastTime` in seconds (the SDK types it `any`). */
  lastMessage?: unknown;
  remark?: string;
  isPinned?: boolean;
  userProfile?: { userID?: string; nick?: string; avatar?: string };
  groupProfile?: { groupID?: string; name?: string; avatar?: string };
}

// The instance has no `EVENT` or `TYPES` property and the SDK module is never loaded, so the
// values are written out here (the type test checks them against the SDK's enums).

/** `TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED`. */
export const CONVERSATION_LIST_UPDATED = 'onConversationListUpdated';

/**
 * `TencentCloudChat.EVENT.NET_STATE_CHANGE`: the connection changed; the event's `data.state` is
 * one of `TencentNetState`.
 */
export const NET_STATE_CHANGE = 'netStateChange';

/** `TencentCloudChat.TYPES.NET_STATE_*`: the values of a `NET_STATE_CHANGE` event's `data.state`. */
export const TencentNetState = {
  CONNECTED: 'connected',
  CONNECTING: 'connecting',
  DISCONNECTED: 'disconnected',
} as const;

/** `TencentCloudChat.TYPES.CONV_*`: the values of an SDK conversation's `type`. */
export const TencentConversationType = {
  C2C: 'C2C',
  GROUP: 'GROUP',
  TOPIC: 'TOPIC',
  SYSTEM: '@TIM#SYSTEM',
} as const;

/** The Web SDK deletes at most this many conversations per call and silently drops the rest. */
export const TENCENT_MAX_BATCH_SIZE = 100;
