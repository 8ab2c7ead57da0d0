import { chunk, validateConversationID, validateConversationIDs } from '../../core/conversationIds';
import { readClearMessage } from '../../core/deleteListOptions';
import {
  ConversationKitError,
  SdkCode,
  toConversationKitError,
  UNKNOWN_FAILURE_CODE,
} from '../../core/errors';
import { createListenerSet } from '../../core/listenerSet';
import { failAll, failed, succeeded } from '../../core/results';
import type {
  ChatAdapter,
  Conversation,
  ConversationEvent,
  DeleteResult,
  DeletionOrigin,
} from '../../core/types';
import { diffConversationLists, indexConversations } from './conversationListDiff';
import { createLocalDeletions } from './localDeletions';
import {
  CONVERSATION_LIST_UPDATED,
  NET_STATE_CHANGE,
  TENCENT_MAX_BATCH_SIZE,
  type TencentChat,
  type TencentConversation,
  TencentNetState,
} from './tencentChat';
import { type ToConversationOptions, toConversation } from './toConversation';

/** Options of `createTencentChatAdapter`. */
export interface TencentChatAdapterOptions extends ToConversationOptions {
  /**
   * The adapter's `cacheKey`, for a list prefetched on the server (for example the signed-in
   * user's ID, as the server's adapter names it too): docs/server-rendering.md.
   */
  cacheKey?: string;
}

/**
 * Creates the kit's `ChatAdapter` over a logged-in `@tencentcloud/chat` instance.
 *
 * - IDs are checked before the SDK is called: only the Web SDK's form (`C2C…`, `GROUP…`,
 *   `@TIM#SYSTEM`) is accepted; bad input rejects with a `ConversationKitError`.
 * - `deleteConversation(id)` clears the history (the SDK's string form);
 *   `deleteConversationList(ids, {clearMessage})` sends chunks of 100, one after the other,
 *   because the SDK silently drops everything past the first 100.
 * - For valid input the promises always resolve with one `DeleteResult` per ID, in input order:
 *   SDK rejections and synchronous throws become failed results carrying the SDK's code.
 * - Deletions and updates are derived by diffing the lists of `CONVERSATION_LIST_UPDATED`.
 * - `accountID` is the SDK's `getLoginUser()` (undefined before login);
 *   `subscribeToConnection` follows `NET_STATE_CHANGE` (connected, disconnected).
 *
 * The SDK is only ever reached through `chat`: the kit does not load `@tencentcloud/chat` itself.
 *
 * @example
 * const chat = TencentCloudChat.create({ SDKAppID });
 * const adapter = createTencentChatAdapter(chat);
 */
export function createTencentChatAdapter(
  chat: TencentChat,
  options: TencentChatAdapterOptions = {},
): ChatAdapter {
  const listeners = createListenerSet<ConversationEvent>();
  const connectionListeners = createListenerSet<boolean>();
  // The connection as the last NET_STATE_CHANGE told it; `undefined` while nobody listens.
  let online: boolean | undefined;
  const localDeletions = createLocalDeletions();
  // The last list seen, from `getConversationList` or the last list emit; `null` until the first.
  let snapshot: Map<string, Conversation> | null = null;

  const mapConversations = (list: readonly TencentConversation[]) =>
    list.map((conversation) => toConversation(conversation, options));

  function emitDeleted(conversationIDs: string[], origin: DeletionOrigin): void {
    if (conversationIDs.length > 0) {
      listeners.emit({ type: 'conversationsDeleted', conversationIDs, origin });
    }
  }

  function emitUpdated(conversations: Conversation[]): void {
    if (conversations.length > 0) listeners.emit({ type: 'conversationsUpdated', conversations });
  }

  /** Runs one SDK deletion call and settles its IDs' local-deletion bookkeeping and events. */
  async function runDeletion(
    conversationIDs: readonly string[],
    send: () => Promise<unknown>,
    toResults: (response: unknown) => DeleteResult[],
  ): Promise<DeleteResult[]> {
    // Marked before the call: the SDK may emit the list without these IDs before it resolves.
    localDeletions.start(conversationIDs);
    let results: DeleteResult[];
    try {
      // Inside the `try`, so a synchronous throw of the SDK becomes failed results too.
      results = toResults(await send());
    } catch (error) {
      results = failAll(conversationIDs, error);
    }
    const succeededIDs = new Set(results.filter((r) => r.ok).map((r) => r.conversationID));
    // Reported now rather than at the next throttled list emit, up to a second later; dropped
    // from the snapshot so that emit does not report them again.
    for (const id of succeededIDs) snapshot?.delete(id);
    emitDeleted(localDeletions.finish(conversationIDs, succeededIDs), 'local');
    return results;
  }

  function handleListUpdated(event: unknown): void {
    const list = readEventConversations(event);
    if (list === undefined) return;
    const next = mapConversations(list);
    const previous = snapshot;
    snapshot = indexConversations(next);
    // Without a baseline nothing can be called deleted; subscribers upsert the whole list.
    if (previous === null) {
      emitUpdated(next);
      return;
    }
    const { deletedIDs, changed } = diffConversationLists(previous, next);
    const local: string[] = [];
    const remote: string[] = [];
    for (const id of deletedIDs) {
      // Only IDs this client is deleting right now count as local; anything else that vanished
      // in the same emit was deleted on another device and is reported as such.
      if (localDeletions.isInFlight(id)) {
        local.push(id);
        localDeletions.markReported(id);
      } else {
        remote.push(id);
      }
    }
    emitDeleted(local, 'local');
    emitDeleted(remote, 'remote');
    emitUpdated(changed);
  }

  function handleNetStateChange(event: unknown): void {
    const next = readOnline(event);
    // `connecting` (and anything unknown) says nothing new; only changes are reported.
    if (next === undefined || next === online) return;
    online = next;
    connectionListeners.emit(next);
  }

  return {
    capabilities: { maxBatchSize: TENCENT_MAX_BATCH_SIZE, keepHistory: true },
    cacheKey: options.cacheKey,

    get accountID() {
      return readLoginUser(chat);
    },

    async getConversationList() {
      let response: unknown;
      try {
        response = await chat.getConversationList();
      } catch (error) {
        throw toConversationKitError(error);
      }
      const conversations = mapConversations(readConversationList(response));
      snapshot = indexConversations(conversations);
      return conversations;
    },

    async deleteConversation(conversationID) {
      const id = validateConversationID(conversationID, ['web']);
      // The SDK's string form always deletes the history too, which is what this method promises.
      const [result] = await runDeletion(
        [id],
        () => chat.deleteConversation(id),
        () => [succeeded(id)],
      );
      // `runDeletion` returns one result per ID given.
      return result as DeleteResult;
    },

    async deleteConversationList(conversationIDs, deleteOptions) {
      const ids = validateConversationIDs(conversationIDs, { forms: ['web'] });
      const clearHistoryMessage = readClearMessage(deleteOptions);
      const results: DeleteResult[] = [];
      // One chunk at a time: the SDK serializes conversation operations anyway, and a caller that
      // wants concurrency or a way to stop between chunks sends chunks of 100 itself.
      for (const conversationIDList of chunk(ids, TENCENT_MAX_BATCH_SIZE)) {
        const chunkResults = await runDeletion(
          conversationIDList,
          () => chat.deleteConversation({ conversationIDList, clearHistoryMessage }),
          (response) => resultsFromDeletedIDs(conversationIDList, response),
        );
        results.push(...chunkResults);
      }
      return results;
    },

    subscribe(listener) {
      if (typeof listener !== 'function') {
        throw new ConversationKitError('INVALID_ARGUMENT', 'subscribe expects a listener function');
      }
      const remove = listeners.add(listener);
      // One SDK listener however many subscribers: each SDK emit is diffed once.
      if (listeners.size === 1) chat.on(CONVERSATION_LIST_UPDATED, handleListUpdated);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        remove();
        if (listeners.size === 0) chat.off(CONVERSATION_LIST_UPDATED, handleListUpdated);
      };
    },

    subscribeToConnection(listener) {
      if (typeof listener !== 'function') {
        throw new ConversationKitError(
          'INVALID_ARGUMENT',
          'subscribeToConnection expects a listener function',
        );
      }
      const remove = connectionListeners.add(listener);
      if (connectionListeners.size === 1) chat.on(NET_STATE_CHANGE, handleNetStateChange);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        remove();
        if (connectionListeners.size === 0) {
          chat.off(NET_STATE_CHANGE, handleNetStateChange);
          // Unheard from now on: the next subscriber starts from "unknown" again.
          online = undefined;
        }
      };
    },
  };
}

/** The logged-in user's ID; `undefined` before login or when the SDK cannot say. */
function readLoginUser(chat: TencentChat): string | undefined {
  if (typeof chat.getLoginUser !== 'function') return undefined;
  let user: unknown;
  try {
    user = chat.getLoginUser();
  } catch {
    // An account the kit cannot read is an unknown one: nothing is kept across reloads for it.
    return undefined;
  }
  return typeof user === 'string' && user !== '' ? user : undefined;
}

/** `true` for `connected`, `false` for `disconnected`, `undefined` for `connecting` or anything else. */
function readOnline(event: unknown): boolean | undefined {
  switch (readData(event)?.state) {
    case TencentNetState.CONNECTED:
      return true;
    case TencentNetState.DISCONNECTED:
      return false;
    default:
      return undefined;
  }
}

/**
 * The SDK answers a list deletion with `{data: {conversationIDList}}`, naming only the IDs it
 * deleted, without per-ID reasons. The others fail with 2500 (not found): IDs are validated
 * before the call, so an unknown conversation is the one failure the SDK drops silently.
 */
function resultsFromDeletedIDs(
  conversationIDs: readonly string[],
  response: unknown,
): DeleteResult[] {
  const deletedIDs = readDeletedIDs(response);
  if (deletedIDs === undefined) {
    // Claiming success without the list could hide a deletion that did not happen; a failure
    // is corrected by the next list emit at worst.
    return conversationIDs.map((id) =>
      failed(id, UNKNOWN_FAILURE_CODE, 'The chat SDK did not say which conversations it deleted'),
    );
  }
  return conversationIDs.map((id) =>
    deletedIDs.has(id) ? succeeded(id) : failed(id, SdkCode.CONVERSATION_NOT_FOUND),
  );
}

function readDeletedIDs(response: unknown): Set<string> | undefined {
  const list = readData(response)?.conversationIDList;
  return Array.isArray(list) ? new Set(list.filter((id) => typeof id === 'string')) : undefined;
}

function readConversationList(response: unknown): TencentConversation[] {
  const list = readData(response)?.conversationList;
  if (!Array.isArray(list)) {
    throw new ConversationKitError(
      'ADAPTER_FAILED',
      'The chat SDK answered getConversationList without a list',
    );
  }
  return list.filter(isConversationObject);
}

function readEventConversations(event: unknown): TencentConversation[] | undefined {
  const data = readData(event);
  return Array.isArray(data) ? data.filter(isConversationObject) : undefined;
}

// Reading a property off any value but `null` and `undefined` is safe (a primitive has none of
// these), so only those two need the optional chain.

function readData(value: unknown): Record<string, unknown> | undefined {
  const data = (value as { data?: unknown } | null | undefined)?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
}

function isConversationObject(value: unknown): value is TencentConversation {
  return typeof (value as { conversationID?: unknown } | null)?.conversationID === 'string';
}
