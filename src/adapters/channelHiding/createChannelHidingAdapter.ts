// What the Stream Chat and Sendbird adapters share. Both backends delete a conversation for one
// person by hiding a channel, one channel per call, with or without its history; both tell of
// changes channel by channel (hidden, deleted, shown again, a new message). This module turns
// such a backend into the kit's `ChatAdapter`: input checks, per-ID results from bounded parallel
// calls, and events told apart as local or remote, each deletion reported once.

import { validateConversationIDs } from '../../core/conversationIds';
import { readClearMessage } from '../../core/deleteListOptions';
import { ConversationKitError, SdkCode, toConversationKitError } from '../../core/errors';
import { createListenerSet } from '../../core/listenerSet';
import { failed, succeeded } from '../../core/results';
import type { ChatAdapter, Conversation, ConversationEvent, DeleteResult } from '../../core/types';
import { createLocalDeletions } from '../tencent/localDeletions';

/** A backend failure in the kit's terms: `code` is one the kit knows (2500, 2800…) or the vendor's. */
export interface BackendFailure {
  code: number;
  message: string;
}

/** What a vendor's events say; the shared part decides whether and how to report them. */
export interface ChannelEventSink {
  /** These conversations left the list (hidden or deleted), here or on another device. */
  removed(conversationIDs: readonly string[]): void;
  /** These conversations are in the list with this content (a new message, shown again). */
  shown(conversations: readonly Conversation[]): void;
}

/** A vendor SDK seen as a list of channels that can be hidden one at a time. */
export interface ChannelHidingBackend {
  /** The most IDs the kit sends in one `deleteConversationList` (its chunk, progress and stop). */
  readonly maxBatchSize: number;
  /** How many hide calls run at once within one `deleteConversationList`. */
  readonly concurrency: number;
  readonly cacheKey?: string;
  /** The signed-in user's ID; `undefined` before sign-in. */
  accountID(): string | undefined;
  isConversationID(value: string): boolean;
  /** The signed-in user's visible conversations, every page. Rejects with the vendor's error. */
  listConversations(): Promise<Conversation[]>;
  /**
   * Hides one channel for the signed-in user, `clearHistory` deciding whether its messages go
   * too. Rejects (or throws) with the vendor's error; `describeFailure` reads it.
   */
  hide(conversationID: string, clearHistory: boolean): Promise<unknown>;
  /** The vendor's error in the kit's terms: not found as 2500, network failures as 2800–2805. */
  describeFailure(error: unknown): BackendFailure;
  /** Starts listening to the vendor's channel events; returns the function that stops. */
  watchChannels(sink: ChannelEventSink): () => void;
  /** Starts listening to the vendor's connection; returns the function that stops. */
  watchConnection(listener: (online: boolean) => void): () => void;
}

/** Runs `task` for each item, at most `limit` at a time; results in input order. */
export async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  limit: number,
  task: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as Item);
    }
  }
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  await Promise.all(workers);
  return results;
}

export function createChannelHidingAdapter(backend: ChannelHidingBackend): ChatAdapter {
  const localDeletions = createLocalDeletions();
  // IDs already reported gone. The vendor tells every connection of the user about a hide,
  // this one included, and that event may come before or after the call's answer: it must not
  // be reported a second time, nor as a deletion from another device. A conversation shown
  // again leaves the set.
  const reportedGone = new Set<string>();
  let lastOnline: boolean | undefined;
  const channelEvents = createSharedWatch<ConversationEvent>('subscribe', (emit) =>
    backend.watchChannels(createSink(emit)),
  );
  const connection = createSharedWatch<boolean>('subscribeToConnection', (emit) => {
    const stop = backend.watchConnection((online) => {
      // Only changes are reported (the ChatAdapter contract).
      if (online === lastOnline) return;
      lastOnline = online;
      emit(online);
    });
    return () => {
      stop();
      // Unheard from now on: the next subscriber starts from "unknown" again.
      lastOnline = undefined;
    };
  });
  const listeners = channelEvents.listeners;
  const accepts = (value: string) => backend.isConversationID(value);

  function reportRemoved(
    conversationIDs: readonly string[],
    emit: (event: ConversationEvent) => void,
  ): void {
    const local: string[] = [];
    const remote: string[] = [];
    for (const id of conversationIDs) {
      if (reportedGone.has(id)) continue;
      reportedGone.add(id);
      if (localDeletions.isInFlight(id)) {
        localDeletions.markReported(id);
        local.push(id);
      } else {
        remote.push(id);
      }
    }
    if (local.length > 0)
      emit({ type: 'conversationsDeleted', conversationIDs: local, origin: 'local' });
    if (remote.length > 0) {
      emit({ type: 'conversationsDeleted', conversationIDs: remote, origin: 'remote' });
    }
  }

  function createSink(emit: (event: ConversationEvent) => void): ChannelEventSink {
    return {
      removed: (conversationIDs) => reportRemoved(conversationIDs, emit),
      shown(conversations) {
        // A channel this client is hiding right now is not shown again by an update that raced
        // the hide (a message that arrived just before it); a later message revives it.
        const visible = conversations.filter(
          (conversation) => !localDeletions.isInFlight(conversation.conversationID),
        );
        for (const conversation of visible) reportedGone.delete(conversation.conversationID);
        if (visible.length > 0) emit({ type: 'conversationsUpdated', conversations: visible });
      },
    };
  }

  async function hideEach(ids: readonly string[], clearHistory: boolean): Promise<DeleteResult[]> {
    if (backend.accountID() === undefined) {
      return ids.map((id) => failed(id, SdkCode.NOT_LOGGED_IN));
    }
    localDeletions.start(ids);
    const results = await mapWithConcurrency(ids, backend.concurrency, async (id) => {
      try {
        // Inside the `try`, so a synchronous throw of the SDK becomes a failed result too.
        await backend.hide(id, clearHistory);
        return succeeded(id);
      } catch (error) {
        const { code, message } = backend.describeFailure(error);
        return failed(id, code, message);
      }
    });
    // Only what this call hid is reported; "not found" (2500) is already gone, and the kit's
    // runtime counts it as deleted without an event for an ID it may never have listed.
    const goneIDs = new Set(
      results.filter((result) => result.ok).map((result) => result.conversationID),
    );
    const toReport = localDeletions.finish(ids, goneIDs).filter((id) => !reportedGone.has(id));
    for (const id of toReport) reportedGone.add(id);
    if (toReport.length > 0) {
      listeners.emit({ type: 'conversationsDeleted', conversationIDs: toReport, origin: 'local' });
    }
    return results;
  }

  return {
    capabilities: { maxBatchSize: backend.maxBatchSize, keepHistory: true },
    cacheKey: backend.cacheKey,

    get accountID() {
      return backend.accountID();
    },

    isConversationID(value) {
      return typeof value === 'string' && backend.isConversationID(value);
    },

    async getConversationList() {
      if (backend.accountID() === undefined) {
        throw new ConversationKitError('NOT_LOGGED_IN', 'Not logged in', {
          sdkCode: SdkCode.NOT_LOGGED_IN,
        });
      }
      let conversations: Conversation[];
      try {
        conversations = await backend.listConversations();
      } catch (error) {
        const { code, message } = backend.describeFailure(error);
        throw toConversationKitError({ code, message });
      }
      for (const conversation of conversations) reportedGone.delete(conversation.conversationID);
      return conversations;
    },

    async deleteConversation(conversationID) {
      const ids = validateConversationIDs([conversationID], { accepts });
      const [result] = await hideEach(ids, true);
      return result as DeleteResult;
    },

    async deleteConversationList(conversationIDs, options) {
      const ids = validateConversationIDs(conversationIDs, { accepts });
      return hideEach(ids, readClearMessage(options));
    },

    subscribe: channelEvents.subscribe,
    subscribeToConnection: connection.subscribe,
  };
}

/**
 * Listeners of one kind of event, fed by one SDK listener however many subscribe: it is started
 * with the first subscriber and stopped after the last one leaves.
 */
function createSharedWatch<Value>(
  methodName: string,
  start: (emit: (value: Value) => void) => () => void,
) {
  const listeners = createListenerSet<Value>();
  let stop: (() => void) | undefined;
  return {
    listeners,
    subscribe(listener: (value: Value) => void): () => void {
      if (typeof listener !== 'function') {
        throw new ConversationKitError(
          'INVALID_ARGUMENT',
          `${methodName} expects a listener function`,
        );
      }
      const remove = listeners.add(listener);
      if (listeners.size === 1) stop = start((value) => listeners.emit(value));
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        remove();
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
  };
}
