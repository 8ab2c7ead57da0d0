import { chunk, validateConversationID, validateConversationIDs } from '../../core/conversationIds';
import { ConversationKitError, describeSdkCode, SdkCode } from '../../core/errors';
import { createListenerSet, type ListenerSet } from '../../core/listenerSet';
import { failAll, failed, succeeded } from '../../core/results';
import type {
  AdapterCapabilities,
  ChatAdapter,
  Conversation,
  ConversationEvent,
  DeleteListOptions,
  DeleteResult,
} from '../../core/types';
import { DEFAULT_REFERENCE_TIME, generateConversations } from './generateConversations';

/** The most IDs the in-memory server accepts in one call, like Tencent Cloud Chat. */
export const MEMORY_SERVER_MAX_BATCH_SIZE = 100;

/** The account every device of an in-memory server belongs to, unless the options name another. */
export const MEMORY_SERVER_DEFAULT_ACCOUNT_ID = 'memory-user';

export interface MemoryChatServerOptions {
  /** The conversations to start with, or how many to generate deterministically from `seed`. */
  conversations?: Conversation[] | number;
  /** Seed of the generator; the same seed gives the same conversations. Default 1. */
  seed?: number;
  /** Whether a deletion on one device reaches the others ("sync conversation deletion across clients"). Default true. */
  multiClientSync?: boolean;
  /** Delay of every backend call in milliseconds. Default 0 (calls still resolve asynchronously). */
  latencyMs?: number;
  /** The time generated conversations count back from. Default a fixed date, so output is deterministic. */
  referenceTime?: number;
  /** The clock for timestamps of received messages. Default `Date.now`. */
  now?: () => number;
  /**
   * The account every device of this server belongs to: each connected adapter's `accountID`.
   * Default `'memory-user'`; `null` for an account the adapters do not know (`accountID`
   * undefined, as before login).
   */
  accountID?: string | null;
}

/** A fault the server injects into its next call(s). */
export type MemoryChatFault =
  /**
   * Each named ID fails with `code` the next time any device tries to delete it; without
   * `conversationIDs`, every ID of the next call fails (per ID, the call itself succeeds).
   */
  | { conversationIDs?: string[]; code: number; message?: string }
  /** The next call, whatever it carries, is rejected as a whole with `code`. */
  | { call: 'reject'; code: number };

/** One call a device made to the server. */
export interface MemoryChatCall {
  device: string;
  method: 'deleteConversation' | 'deleteConversationList';
  conversationIDs: string[];
  clearMessage: boolean;
}

export interface ConnectOptions {
  /** Overrides the adapter's batch size: to show what the server does with oversized calls. */
  maxBatchSize?: number;
  /** Whether this client offers to keep history. Default true. */
  keepHistory?: boolean;
  /**
   * The adapter's `cacheKey`: the same name on the server and in the browser lets a list
   * prefetched on the server hydrate the browser's (docs/server-rendering.md).
   */
  cacheKey?: string;
}

/** A chat server kept in memory, which several clients ("devices") connect to. */
export interface MemoryChatServer {
  /** Connects a client; the same `deviceID` gives back the same adapter. */
  connect(deviceID?: string, options?: ConnectOptions): ChatAdapter;
  /** The server's truth: the conversations that exist now. */
  listConversations(): Conversation[];
  /** How many messages the server keeps for a conversation (also for a deleted one that kept its history). */
  historyLength(conversationID: string): number;
  /** A message arrives: the conversation moves up, and a deleted one comes back (with its kept history). */
  receiveMessage(conversationID: string, text: string): void;
  /** Makes the next call fail as a whole, or the named IDs fail on their next attempt. */
  failNext(fault: MemoryChatFault): void;
  /** Changes the delay of every later call. */
  setLatency(latencyMs: number): void;
  /**
   * Takes every device off the network (`false`) or back on it (`true`, the start).
   *
   * Offline, every call of every device fails as a network failure before it reaches the server:
   * `getConversationList` rejects with a `ConversationKitError` of code `NETWORK` and `sdkCode`
   * 2800, and the delete calls resolve with that failure for each ID (a rejected call, as with
   * `failNext({call: 'reject'})`). Nothing is recorded in `calls` and nothing changes on the
   * server. A call on its way (waiting out its latency) when the network goes fails as well, even
   * if the network is back by the time it would have arrived. Events (a message arriving
   * meanwhile) are held per device and delivered in order once back online, before the adapters'
   * connection listeners hear `true`. Each change is told to every device's
   * `subscribeToConnection` listeners once; setting the current state again does nothing.
   */
  setOnline(online: boolean): void;
  /** Whether the devices are online (see `setOnline`). */
  readonly online: boolean;
  /**
   * Every delete call the server received, in order, including rejected ones (a call made while
   * offline never reaches the server and is not here).
   */
  readonly calls: ReadonlyArray<MemoryChatCall>;
}

interface StoredConversation {
  conversation: Conversation;
  historyLength: number;
}

interface Device {
  id: string;
  /** What this client shows: without multi-client sync it can still hold conversations deleted elsewhere. */
  view: Map<string, Conversation>;
  listeners: ListenerSet<ConversationEvent>;
  /** Events that came while offline, delivered in order when back online. */
  held: ConversationEvent[];
  connectionListeners: ListenerSet<boolean>;
  /** What this device's connection listeners last heard, so that they hear changes only. */
  announcedOnline: boolean;
  adapter: ChatAdapter;
}

function copyConversation(conversation: Conversation): Conversation {
  return conversation.lastMessage
    ? { ...conversation, lastMessage: { ...conversation.lastMessage } }
    : { ...conversation };
}

function assertNonNegativeNumber(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `${name} must be a non-negative number, got ${String(value)}`,
    );
  }
}

function readAccountID(accountID: MemoryChatServerOptions['accountID']): string | undefined {
  if (accountID === undefined) return MEMORY_SERVER_DEFAULT_ACCOUNT_ID;
  if (accountID === null) return undefined;
  if (typeof accountID !== 'string' || accountID === '') {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `accountID must be a non-empty string or null, got ${JSON.stringify(accountID)}`,
    );
  }
  return accountID;
}

/** The failure of every call made while offline: what the SDK reports when the network fails. */
function networkFailure(): ConversationKitError {
  return new ConversationKitError('NETWORK', describeSdkCode(SdkCode.NETWORK_ERROR), {
    sdkCode: SdkCode.NETWORK_ERROR,
  });
}

function readInitialConversations(options: MemoryChatServerOptions): StoredConversation[] {
  const { conversations = 0, seed = 1, referenceTime = DEFAULT_REFERENCE_TIME } = options;
  if (typeof conversations === 'number') {
    if (!Number.isInteger(conversations) || conversations < 0) {
      throw new ConversationKitError(
        'INVALID_ARGUMENT',
        `conversations must be a non-negative integer or an array, got ${conversations}`,
      );
    }
    return generateConversations(conversations, seed, referenceTime);
  }
  const ids = conversations.map((conversation) => conversation.conversationID);
  if (ids.length > 0) validateConversationIDs(ids);
  return conversations.map((conversation) => ({
    conversation: copyConversation(conversation),
    // A given conversation with a last message has at least that one message.
    historyLength: conversation.lastMessage ? 1 : 0,
  }));
}

/**
 * Creates an in-memory chat server: the kit's default backend for Storybook, tests, demos and
 * benchmarks. It behaves like Tencent Cloud Chat where the kit cares: batch calls of at most
 * 100 IDs, per-ID results with the SDK's codes, history kept or cleared, deletions synced to
 * other devices only when multi-client sync is on, and deleted conversations coming back when a
 * message arrives.
 */
export function createMemoryChatServer(options: MemoryChatServerOptions = {}): MemoryChatServer {
  const multiClientSync = options.multiClientSync ?? true;
  // Read through a closure so that fake timers installed later still drive it.
  const now = options.now ?? (() => Date.now());
  let latencyMs = options.latencyMs ?? 0;
  assertNonNegativeNumber('latencyMs', latencyMs);
  const accountID = readAccountID(options.accountID);
  let online = true;
  /** How many times the network went away: a call on its way across an outage is lost. */
  let outages = 0;

  const live = new Map<string, StoredConversation>();
  for (const stored of readInitialConversations(options))
    live.set(stored.conversation.conversationID, stored);
  /** Deleted conversations, remembered so that a new message can bring them back. */
  const deleted = new Map<string, StoredConversation>();
  const devices = new Map<string, Device>();
  const calls: MemoryChatCall[] = [];
  const pendingCallRejections: Array<{ code: number }> = [];
  const pendingWholeCallFailures: Array<{ code: number; message: string }> = [];
  const pendingFaultsByID = new Map<string, { code: number; message: string }>();

  function wait(): Promise<void> {
    // Even at zero latency a call completes in a later microtask, as a network call would.
    if (latencyMs === 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, latencyMs));
  }

  /**
   * The way of a call to the server: it fails at once when the device is offline, and again if
   * the network went away while it was on its way.
   */
  async function reachServer(): Promise<void> {
    if (!online) throw networkFailure();
    const outagesAtSend = outages;
    await wait();
    if (!online || outages !== outagesAtSend) throw networkFailure();
  }

  /** Tells a device's connection listeners the state, unless it is what they heard last. */
  function announce(device: Device, state: boolean): void {
    if (device.announcedOnline === state) return;
    device.announcedOnline = state;
    device.connectionListeners.emit(state);
  }

  /** Tells a device an event now, or once back online. */
  function deliver(device: Device, event: ConversationEvent): void {
    if (online) device.listeners.emit(event);
    else device.held.push(event);
  }

  function broadcast(origin: Device, conversationIDs: string[]): void {
    if (conversationIDs.length === 0) return;
    for (const device of devices.values()) {
      const isOrigin = device === origin;
      if (!isOrigin && !multiClientSync) continue;
      const removed = conversationIDs.filter((id) => device.view.delete(id));
      if (removed.length === 0) continue;
      deliver(device, {
        type: 'conversationsDeleted',
        conversationIDs: removed,
        origin: isOrigin ? 'local' : 'remote',
      });
    }
  }

  /** The server's side of a delete call: all or nothing for call faults, else per ID. */
  function handleDeleteCall(
    device: Device,
    method: MemoryChatCall['method'],
    conversationIDs: string[],
    clearMessage: boolean,
  ): DeleteResult[] {
    calls.push({ device: device.id, method, conversationIDs: [...conversationIDs], clearMessage });
    if (conversationIDs.length > MEMORY_SERVER_MAX_BATCH_SIZE) {
      // Unlike the Web SDK, which silently truncates, the server refuses: a silent cut would
      // leave rows the person asked to delete looking deleted.
      throw new ConversationKitError(
        'BATCH_TOO_LARGE',
        `At most ${MEMORY_SERVER_MAX_BATCH_SIZE} conversations can be deleted in one call, got ${conversationIDs.length}`,
      );
    }
    const rejection = pendingCallRejections.shift();
    if (rejection) {
      throw new ConversationKitError('ADAPTER_FAILED', describeSdkCode(rejection.code), {
        sdkCode: rejection.code,
      });
    }
    const failureOfEveryID = pendingWholeCallFailures.shift();
    const deletedNow: string[] = [];
    const results = conversationIDs.map((id) => {
      if (failureOfEveryID) return failed(id, failureOfEveryID.code, failureOfEveryID.message);
      const fault = pendingFaultsByID.get(id);
      if (fault) {
        pendingFaultsByID.delete(id);
        return failed(id, fault.code, fault.message);
      }
      const stored = live.get(id);
      if (!stored) return failed(id, SdkCode.CONVERSATION_NOT_FOUND);
      live.delete(id);
      deleted.set(id, {
        conversation: stored.conversation,
        historyLength: clearMessage ? 0 : stored.historyLength,
      });
      deletedNow.push(id);
      return succeeded(id);
    });
    broadcast(device, deletedNow);
    return results;
  }

  function createAdapter(
    device: Omit<Device, 'adapter'>,
    connectOptions: ConnectOptions,
  ): ChatAdapter {
    const capabilities: AdapterCapabilities = {
      maxBatchSize: connectOptions.maxBatchSize ?? MEMORY_SERVER_MAX_BATCH_SIZE,
      keepHistory: connectOptions.keepHistory ?? true,
    };
    const self = device as Device;

    async function sendChunk(ids: string[], clearMessage: boolean): Promise<DeleteResult[]> {
      try {
        await reachServer();
        return handleDeleteCall(self, 'deleteConversationList', ids, clearMessage);
      } catch (error) {
        if (error instanceof ConversationKitError && error.sdkCode === undefined) throw error;
        return failAll(ids, error);
      }
    }

    return {
      capabilities,
      accountID,
      cacheKey: connectOptions.cacheKey,
      async getConversationList() {
        await reachServer();
        return [...self.view.values()].map(copyConversation);
      },
      async deleteConversation(conversationID) {
        const id = validateConversationID(conversationID);
        try {
          await reachServer();
          const [result] = handleDeleteCall(self, 'deleteConversation', [id], true);
          return result as DeleteResult;
        } catch (error) {
          return failAll([id], error)[0] as DeleteResult;
        }
      },
      async deleteConversationList(conversationIDs: string[], listOptions: DeleteListOptions) {
        const ids = validateConversationIDs(conversationIDs);
        const clearMessage = listOptions?.clearMessage;
        if (typeof clearMessage !== 'boolean') {
          throw new ConversationKitError(
            'INVALID_ARGUMENT',
            'options.clearMessage must be true or false',
          );
        }
        if (!clearMessage && !capabilities.keepHistory) {
          throw new ConversationKitError(
            'INVALID_ARGUMENT',
            'This client cannot keep chat history',
          );
        }
        const results: DeleteResult[] = [];
        for (const ids100 of chunk(ids, capabilities.maxBatchSize)) {
          results.push(...(await sendChunk(ids100, clearMessage)));
        }
        return results;
      },
      subscribe(listener) {
        return self.listeners.add(listener);
      },
      subscribeToConnection(listener) {
        return self.connectionListeners.add(listener);
      },
    };
  }

  let anonymousDevices = 0;

  return {
    connect(deviceID, connectOptions = {}) {
      const id = deviceID ?? `device-${++anonymousDevices}`;
      const existing = devices.get(id);
      if (existing) return existing.adapter;
      const device = {
        id,
        view: new Map(
          [...live].map(([key, stored]) => [key, copyConversation(stored.conversation)]),
        ),
        listeners: createListenerSet<ConversationEvent>(),
        held: [] as ConversationEvent[],
        connectionListeners: createListenerSet<boolean>(),
        // A device connected while offline has never been told it is online.
        announcedOnline: online,
      } as Device;
      device.adapter = createAdapter(device, connectOptions);
      devices.set(id, device);
      return device.adapter;
    },
    listConversations() {
      return [...live.values()].map((stored) => copyConversation(stored.conversation));
    },
    historyLength(conversationID) {
      return (live.get(conversationID) ?? deleted.get(conversationID))?.historyLength ?? 0;
    },
    receiveMessage(conversationID, text) {
      if (typeof text !== 'string') {
        throw new ConversationKitError('INVALID_ARGUMENT', 'A message text must be a string');
      }
      const stored = live.get(conversationID) ?? deleted.get(conversationID);
      if (!stored) {
        throw new ConversationKitError(
          'UNKNOWN_CONVERSATION_ID',
          `No conversation ${JSON.stringify(conversationID)} on this server`,
          { conversationIDs: typeof conversationID === 'string' ? [conversationID] : [] },
        );
      }
      const wasDeleted = !live.has(conversationID);
      const conversation: Conversation = {
        ...stored.conversation,
        lastMessage: { text, timestamp: now() },
        unreadCount: wasDeleted ? 1 : stored.conversation.unreadCount + 1,
      };
      // Re-inserted so that the server's order reflects the newest activity.
      deleted.delete(conversationID);
      live.delete(conversationID);
      live.set(conversationID, { conversation, historyLength: stored.historyLength + 1 });
      for (const device of devices.values()) {
        device.view.set(conversationID, copyConversation(conversation));
        deliver(device, {
          type: 'conversationsUpdated',
          conversations: [copyConversation(conversation)],
        });
      }
    },
    failNext(fault) {
      if ('call' in fault) {
        pendingCallRejections.push({ code: fault.code });
        return;
      }
      const failure = { code: fault.code, message: fault.message ?? describeSdkCode(fault.code) };
      if (fault.conversationIDs === undefined) {
        pendingWholeCallFailures.push(failure);
        return;
      }
      for (const id of fault.conversationIDs) pendingFaultsByID.set(id, failure);
    },
    setLatency(next) {
      assertNonNegativeNumber('latencyMs', next);
      latencyMs = next;
    },
    setOnline(next) {
      if (typeof next !== 'boolean') {
        throw new ConversationKitError('INVALID_ARGUMENT', 'setOnline expects true or false');
      }
      if (next === online) return;
      online = next;
      if (!online) {
        outages += 1;
        for (const device of devices.values()) announce(device, false);
        return;
      }
      for (const device of devices.values()) {
        // Re-checked per event: a listener may take the server offline again, and then the rest
        // waits for the next time it is back.
        while (online && device.held.length > 0) {
          device.listeners.emit(device.held.shift() as ConversationEvent);
        }
      }
      if (!online) return;
      for (const device of devices.values()) announce(device, true);
    },
    get online() {
      return online;
    },
    get calls() {
      return calls;
    },
  };
}
