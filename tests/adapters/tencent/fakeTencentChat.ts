import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK, Group, Profile, Conversation as SdkConversation } from '@tencentcloud/chat';
import {
  CONVERSATION_LIST_UPDATED,
  NET_STATE_CHANGE,
  type TencentChat,
  TencentConversationType,
  type TencentNetState,
} from '../../../src/adapters/tencent';

type DeleteConversationArgument = Parameters<ChatSDK['deleteConversation']>[0];
type EventHandler = Parameters<ChatSDK['on']>[1];

/** What a test says about a conversation; the rest of the SDK's fields get neutral values. */
export interface SdkConversationInit {
  conversationID: string;
  remark?: string;
  nick?: string;
  userID?: string;
  groupName?: string;
  groupID?: string;
  avatar?: string;
  /** `lastTime` is in seconds, as in the SDK. `null` leaves the conversation without one. */
  lastMessage?: { messageForShow: string; lastTime: number } | null;
  unreadCount?: number;
  isPinned?: boolean;
}

/**
 * Builds an SDK conversation. The SDK creates these internally and exports only their interface,
 * so this fills every field of `Conversation` and casts just the two nested profiles, of which
 * the adapter reads a few fields (`Group` and `Profile` have dozens).
 */
export function sdkConversation(init: SdkConversationInit): SdkConversation {
  const { conversationID } = init;
  const type = conversationID.startsWith('C2C')
    ? TencentConversationType.C2C
    : conversationID.startsWith('GROUP')
      ? TencentConversationType.GROUP
      : TencentConversationType.SYSTEM;
  const peerID = conversationID.replace(/^(C2C|GROUP)/, '');
  const userProfile = {
    userID: init.userID ?? (type === 'C2C' ? peerID : ''),
    nick: init.nick ?? '',
    avatar: type === 'C2C' ? (init.avatar ?? '') : '',
  } as Profile;
  const groupProfile = {
    groupID: init.groupID ?? (type === 'GROUP' ? peerID : ''),
    name: init.groupName ?? '',
    avatar: type === 'GROUP' ? (init.avatar ?? '') : '',
  } as Group;
  return {
    conversationID,
    // The enums exist only at runtime in the SDK module, which the tests do not load either.
    type: type as TencentCloudChat.TYPES,
    unreadCount: init.unreadCount ?? 0,
    lastMessage:
      init.lastMessage === null
        ? { messageForShow: '', lastTime: 0 }
        : (init.lastMessage ?? { messageForShow: 'Hi', lastTime: 1_700_000_000 }),
    groupProfile,
    userProfile,
    groupAtInfoList: [],
    remark: init.remark ?? '',
    isPinned: init.isPinned ?? false,
    messageRemindType: 'AcceptAndNotify' as TencentCloudChat.TYPES,
    markList: [],
    customData: '',
    conversationGroupList: [],
    draftText: '',
  };
}

/** A failure the next call of a method meets: a rejected promise or a synchronous throw. */
export interface FakeFault {
  method?: 'deleteConversation' | 'getConversationList';
  code?: number;
  message?: string;
  /** Throw synchronously instead of rejecting, as the SDK does on bad parameters. */
  synchronous?: boolean;
  /** Throw exactly this value (e.g. a plain `TypeError`) instead of `{code, message}`. */
  error?: unknown;
}

export interface FakeTencentChatOptions {
  conversations?: readonly SdkConversation[];
  loggedIn?: boolean;
  /** The user ID `getLoginUser()` answers while logged in; `'me'` by default. */
  userID?: string;
  /**
   * `manual` (default): the list is emitted when the test calls `flush()`.
   * `throttled`: emitted 1 s after the first change, like the SDK (use fake timers).
   */
  emit?: 'manual' | 'throttled';
}

const THROTTLE_MS = 1000;
const SDK_MAX_BATCH_SIZE = 100;

/**
 * A stand-in for a `@tencentcloud/chat` instance that reproduces the Web SDK behaviours the
 * adapter depends on (SPEC §1): list deletions beyond 100 IDs are silently truncated; a list
 * deletion resolves with `{data: {conversationIDList}}` naming only what it deleted (unknown IDs
 * are simply absent); bad parameters throw synchronously; before login calls reject with 2024;
 * `CONVERSATION_LIST_UPDATED` re-emits the whole list, throttled.
 *
 * It implements both the kit's `TencentChat` and the same five methods of the SDK's own `ChatSDK`,
 * so it breaks `tsc` when either changes (tests/types/tencentSdk.test-d.ts holds the two together).
 */
export class FakeTencentChat
  implements
    TencentChat,
    Pick<ChatSDK, 'deleteConversation' | 'getConversationList' | 'on' | 'off' | 'getLoginUser'>
{
  /** Every `deleteConversation` argument, copied at call time. */
  readonly deleteCalls: DeleteConversationArgument[] = [];
  getConversationListCalls = 0;
  loggedIn: boolean;
  userID: string;

  private server: SdkConversation[];
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private readonly faults: FakeFault[] = [];
  private readonly emitMode: 'manual' | 'throttled';
  private changed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heldResponses: Array<() => void> | null = null;

  constructor(options: FakeTencentChatOptions = {}) {
    this.server = [...(options.conversations ?? [])];
    this.loggedIn = options.loggedIn ?? true;
    this.userID = options.userID ?? 'me';
    this.emitMode = options.emit ?? 'manual';
  }

  deleteConversation(options: DeleteConversationArgument): Promise<unknown> {
    this.deleteCalls.push(
      typeof options === 'string'
        ? options
        : { ...options, conversationIDList: [...options.conversationIDList] },
    );
    const fault = this.takeFault('deleteConversation');
    if (fault !== undefined) return this.fail(fault);
    if (typeof options === 'string') {
      if (options === '') throw new TypeError('deleteConversation: conversationID is required');
      if (!this.loggedIn) return this.respond(notLoggedIn());
      if (!this.removeFromServer([options]).includes(options)) {
        return this.respond({
          ok: false,
          error: { code: 2500, message: 'Conversation not found' },
        });
      }
      return this.respond({ ok: true, value: { code: 0, data: { conversationID: options } } });
    }
    const { conversationIDList } = options;
    if (!Array.isArray(conversationIDList) || conversationIDList.length === 0) {
      throw new TypeError('deleteConversation: conversationIDList must be a non-empty array');
    }
    if (!this.loggedIn) return this.respond(notLoggedIn());
    // The Web SDK's silent truncation, which the adapter's chunking guards against.
    const deleted = this.removeFromServer(conversationIDList.slice(0, SDK_MAX_BATCH_SIZE));
    return this.respond({ ok: true, value: { code: 0, data: { conversationIDList: deleted } } });
  }

  getConversationList(): Promise<unknown> {
    this.getConversationListCalls += 1;
    const fault = this.takeFault('getConversationList');
    if (fault !== undefined) return this.fail(fault);
    if (!this.loggedIn) return Promise.reject(notLoggedIn().error);
    return Promise.resolve({
      code: 0,
      data: { conversationList: [...this.server], isSyncCompleted: true },
    });
  }

  on(eventName: string, handler: EventHandler): void {
    let handlers = this.handlers.get(eventName);
    if (handlers === undefined) {
      handlers = new Set();
      this.handlers.set(eventName, handlers);
    }
    handlers.add(handler);
  }

  off(eventName: string, handler: EventHandler): void {
    this.handlers.get(eventName)?.delete(handler);
  }

  /** The logged-in user's ID, `''` before login, as the SDK answers. */
  getLoginUser(): string {
    return this.loggedIn ? this.userID : '';
  }

  // ----- test controls -----

  /** How many handlers are registered for an event (`CONVERSATION_LIST_UPDATED` by default). */
  listenerCount(eventName: string = CONVERSATION_LIST_UPDATED): number {
    return this.handlers.get(eventName)?.size ?? 0;
  }

  /** The IDs the server still has, in list order. */
  serverConversationIDs(): string[] {
    return this.server.map((conversation) => conversation.conversationID);
  }

  /** Makes the next call of a method (default `deleteConversation`) fail. */
  failNext(fault: FakeFault): void {
    this.faults.push(fault);
  }

  /** Deletes on the server from another device (with "sync deletion across clients" on). */
  deleteOnAnotherDevice(conversationIDs: readonly string[]): void {
    this.removeFromServer(conversationIDs);
  }

  /** Changes a conversation on the server, e.g. a new unread message. */
  updateConversation(conversationID: string, change: Partial<SdkConversationInit>): void {
    this.server = this.server.map((conversation) =>
      conversation.conversationID === conversationID
        ? sdkConversation({ ...initOf(conversation), ...change, conversationID })
        : conversation,
    );
    this.listChanged();
  }

  /** Adds a conversation at the top of the list, like a new message from someone new. */
  addConversation(conversation: SdkConversation): void {
    this.server = [conversation, ...this.server];
    this.listChanged();
  }

  /**
   * Holds the promises of `deleteConversation` calls made from now on: the server changes at
   * once (so a list emit can arrive first), the promises settle on `releaseResponses()`.
   */
  holdResponses(): void {
    this.heldResponses ??= [];
  }

  releaseResponses(): void {
    const held = this.heldResponses ?? [];
    this.heldResponses = null;
    for (const settle of held) settle();
  }

  /** Emits `NET_STATE_CHANGE` as the SDK does when its connection changes: `{name, data: {state}}`. */
  emitNetState(state: (typeof TencentNetState)[keyof typeof TencentNetState]): void {
    const event = { name: NET_STATE_CHANGE, data: { state } };
    for (const handler of [...(this.handlers.get(NET_STATE_CHANGE) ?? [])]) handler(event);
  }

  /** Emits `CONVERSATION_LIST_UPDATED` with the whole list now, if it changed since the last one. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.changed) return;
    this.changed = false;
    const event = { name: CONVERSATION_LIST_UPDATED, data: [...this.server] };
    for (const handler of [...(this.handlers.get(CONVERSATION_LIST_UPDATED) ?? [])]) {
      handler(event);
    }
  }

  private removeFromServer(conversationIDs: readonly string[]): string[] {
    const wanted = new Set(conversationIDs);
    const removed = this.server
      .filter((conversation) => wanted.has(conversation.conversationID))
      .map((conversation) => conversation.conversationID);
    if (removed.length > 0) {
      const gone = new Set(removed);
      this.server = this.server.filter((conversation) => !gone.has(conversation.conversationID));
      this.listChanged();
    }
    // In the order asked for, as the SDK answers.
    return conversationIDs.filter((id) => removed.includes(id));
  }

  private listChanged(): void {
    this.changed = true;
    if (this.emitMode === 'throttled' && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), THROTTLE_MS);
    }
  }

  private takeFault(method: NonNullable<FakeFault['method']>): FakeFault | undefined {
    const index = this.faults.findIndex(
      (fault) => (fault.method ?? 'deleteConversation') === method,
    );
    return index === -1 ? undefined : this.faults.splice(index, 1)[0];
  }

  private fail(fault: FakeFault): Promise<never> {
    const error = fault.error ?? { code: fault.code ?? 2800, message: fault.message ?? 'Failed' };
    if (fault.synchronous) throw error;
    return Promise.reject(error);
  }

  private respond(
    outcome: { ok: true; value: unknown } | { ok: false; error: unknown },
  ): Promise<unknown> {
    const settle = (resolve: (value: unknown) => void, reject: (error: unknown) => void) =>
      outcome.ok ? resolve(outcome.value) : reject(outcome.error);
    const held = this.heldResponses;
    if (held === null) return new Promise(settle);
    return new Promise((resolve, reject) => held.push(() => settle(resolve, reject)));
  }
}

function notLoggedIn(): { ok: false; error: { code: number; message: string } } {
  return { ok: false, error: { code: 2024, message: 'Not logged in' } };
}

function initOf(conversation: SdkConversation): SdkConversationInit {
  const { lastMessage } = conversation as { lastMessage: SdkConversationInit['lastMessage'] };
  return {
    conversationID: conversation.conversationID,
    remark: conversation.remark,
    nick: conversation.userProfile.nick,
    userID: conversation.userProfile.userID,
    groupName: conversation.groupProfile.name,
    groupID: conversation.groupProfile.groupID,
    avatar: conversation.userProfile.avatar || conversation.groupProfile.avatar,
    lastMessage,
    unreadCount: conversation.unreadCount,
    isPinned: conversation.isPinned,
  };
}
