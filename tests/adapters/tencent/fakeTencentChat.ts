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
   * `throttled`: emitted `throttleMs` after the first change, like the SDK (use fake timers).
   */
  emit?: 'manual' | 'throttled';
  /** The throttle of `emit: 'throttled'`: 1000 ms by default, the SDK's. */
  throttleMs?: number;
  /**
   * Told after this client deleted conversations from the server, with whether their history
   * went too: how a `FakeTencentAccount` hears one device's deletions.
   */
  onDeleted?: (
    chat: FakeTencentChat,
    conversationIDs: readonly string[],
    clearHistory: boolean,
  ) => void;
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
  private readonly throttleMs: number;
  private readonly onDeleted: FakeTencentChatOptions['onDeleted'];
  private changed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heldResponses: Array<() => void> | null = null;

  constructor(options: FakeTencentChatOptions = {}) {
    this.server = [...(options.conversations ?? [])];
    this.loggedIn = options.loggedIn ?? true;
    this.userID = options.userID ?? 'me';
    this.emitMode = options.emit ?? 'manual';
    this.throttleMs = options.throttleMs ?? THROTTLE_MS;
    this.onDeleted = options.onDeleted;
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
      // The string form always deletes the history too.
      this.onDeleted?.(this, [options], true);
      return this.respond({ ok: true, value: { code: 0, data: { conversationID: options } } });
    }
    const { conversationIDList } = options;
    if (!Array.isArray(conversationIDList) || conversationIDList.length === 0) {
      throw new TypeError('deleteConversation: conversationIDList must be a non-empty array');
    }
    if (!this.loggedIn) return this.respond(notLoggedIn());
    // The Web SDK's silent truncation, which the adapter's chunking guards against.
    const deleted = this.removeFromServer(conversationIDList.slice(0, SDK_MAX_BATCH_SIZE));
    if (deleted.length > 0) this.onDeleted?.(this, deleted, options.clearHistoryMessage ?? true);
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
   * Puts a conversation at the top of the list, in place of its old version if it is listed: a
   * message arrived (and brought it back if it was deleted).
   */
  moveToTop(conversation: SdkConversation): void {
    const { conversationID } = conversation;
    this.server = [conversation, ...this.server.filter((c) => c.conversationID !== conversationID)];
    this.listChanged();
  }

  /** Cancels a throttled list emit still waiting, for a test that ends with real timers. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
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
      this.timer = setTimeout(() => this.flush(), this.throttleMs);
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

export interface FakeTencentAccountOptions {
  conversations: readonly SdkConversation[];
  /**
   * The console's "sync conversation deletion across clients": whether one device's deletion
   * leaves the other devices' lists too. Off by default, as in the console.
   */
  multiClientSync?: boolean;
  /** The list emits' throttle of every device (emitted automatically, like the SDK). */
  throttleMs?: number;
}

/**
 * One account on Tencent Cloud Chat's servers, which several devices (`FakeTencentChat`s) sign in
 * to: each device keeps its own list; a deletion on one reaches the others only with
 * multi-client sync; the server keeps each conversation's history (cleared or kept by a
 * deletion); a message brings a deleted conversation back to every device, with its kept history.
 */
export class FakeTencentAccount {
  private readonly devices: FakeTencentChat[] = [];
  /** Every conversation the account ever had, deleted ones too, for a message to bring back. */
  private readonly conversations = new Map<string, SdkConversation>();
  private readonly history = new Map<string, number>();
  private readonly live = new Set<string>();
  private messagesReceived = 0;

  constructor(private readonly options: FakeTencentAccountOptions) {
    for (const conversation of options.conversations) {
      const { conversationID } = conversation;
      this.conversations.set(conversationID, conversation);
      this.live.add(conversationID);
      // `sdkConversation` gives a conversation one last message unless told it has none.
      this.history.set(conversationID, conversation.lastMessage.lastTime > 0 ? 1 : 0);
    }
  }

  /** Signs a new device in; its list is the account's conversations now. */
  connect(): FakeTencentChat {
    const device = new FakeTencentChat({
      conversations: [...this.conversations.values()].filter((c) =>
        this.live.has(c.conversationID),
      ),
      emit: 'throttled',
      throttleMs: this.options.throttleMs,
      onDeleted: (from, conversationIDs, clearHistory) => {
        for (const id of conversationIDs) {
          this.live.delete(id);
          if (clearHistory) this.history.set(id, 0);
        }
        if (!this.options.multiClientSync) return;
        for (const other of this.devices) {
          if (other !== from) other.deleteOnAnotherDevice(conversationIDs);
        }
      },
    });
    this.devices.push(device);
    return device;
  }

  /** How many messages the server keeps for a conversation, deleted or not. */
  historyLength(conversationID: string): number {
    return this.history.get(conversationID) ?? 0;
  }

  /** A message from the peer arrives: on every device the conversation moves up, or comes back. */
  receiveMessage(conversationID: string, text: string): void {
    const known = this.conversations.get(conversationID);
    if (known === undefined) throw new Error(`No conversation ${conversationID} on this account`);
    this.messagesReceived += 1;
    const wasDeleted = !this.live.has(conversationID);
    const conversation = sdkConversation({
      ...initOf(known),
      lastMessage: { messageForShow: text, lastTime: 1_700_000_000 + this.messagesReceived },
      unreadCount: wasDeleted ? 1 : known.unreadCount + 1,
    });
    this.conversations.set(conversationID, conversation);
    this.live.add(conversationID);
    this.history.set(conversationID, this.historyLength(conversationID) + 1);
    for (const device of this.devices) device.moveToTop(conversation);
  }

  /** Cancels every device's waiting list emit. */
  dispose(): void {
    for (const device of this.devices) device.dispose();
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
