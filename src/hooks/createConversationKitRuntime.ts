import { hashKey, type QueryClient } from '@tanstack/react-query';
import {
  dedupeConversationIDs,
  describeSome,
  findListedIDs,
  validateConversationIDs,
} from '../core/conversationIds';
import { ConversationKitError } from '../core/errors';
import { createListenerSet } from '../core/listenerSet';
import { scheduleTask } from '../core/scheduleTask';
import type {
  ChatAdapter,
  Conversation,
  ConversationEvent,
  DeleteResult,
  DeletionOrigin,
} from '../core/types';
import type { ConversationStore, DeletionOutcome } from '../store/createConversationStore';
import {
  conversationIDsOf,
  removeConversations,
  sortConversations,
  upsertConversations,
} from './conversationListCache';
import { sendDeletions } from './sendDeletions';

export interface DeleteConversationsOptions {
  /** `true` deletes the chat history too, unrecoverably. */
  clearHistory: boolean;
  /** Batch calls in flight at once. Default 2. */
  concurrency?: number;
}

/**
 * What one list scope runs on: the adapter, the query cache of its conversations and its store,
 * kept consistent with each other. Plain TypeScript, so every deletion path is testable without React.
 */
export interface ConversationKitRuntime {
  readonly adapter: ChatAdapter;
  readonly queryClient: QueryClient;
  readonly store: ConversationStore;
  readonly queryKey: readonly unknown[];
  /**
   * Loads the list from the adapter. What is deleted or updated meanwhile is applied to the
   * answer when react-query writes it, so a slow answer never revives a deleted row.
   */
  fetchConversations(context?: { signal?: AbortSignal }): Promise<Conversation[]>;
  /** Validates, removes optimistically, sends, and puts back exactly what failed or was not sent. */
  deleteConversations(
    conversationIDs: readonly string[],
    options: DeleteConversationsOptions,
  ): Promise<DeletionOutcome>;
  /**
   * Runs the deletion waiting for confirmation, if any. A backend that cannot keep history
   * deletes it: that is what its confirmation said.
   */
  confirmDeletion(): Promise<DeletionOutcome | null>;
  /** Sends no further chunks of the running deletions. */
  stop(): void;
  /** Applies an adapter event to the cache and the store, at once. */
  applyEvent(event: ConversationEvent): void;
  /**
   * Applies the deletion events heard from the adapter but not applied yet. They are applied
   * together in a task of their own, and before anything of the runtime reads the list; a host
   * that reads the query cache straight after an event it caused may call this first.
   */
  applyPendingEvents(): void;
  /**
   * Hears deletions once each, whatever their origin (a local result or an adapter event), and
   * updates as the adapter sent them.
   */
  subscribe(listener: (event: ConversationEvent) => void): () => void;
  /** Subscribes to the adapter and to the query cache; returns the function that undoes both. */
  connect(): () => void;
}

const adapterKeys = new WeakMap<ChatAdapter, number>();
let lastAdapterKey = 0;

/** A query key per adapter, so that two devices sharing the host's QueryClient never mix lists. */
function keyOfAdapter(adapter: ChatAdapter): number {
  let key = adapterKeys.get(adapter);
  if (key === undefined) {
    lastAdapterKey += 1;
    key = lastAdapterKey;
    adapterKeys.set(adapter, key);
  }
  return key;
}

/**
 * What happened while the list was loading, so that the (older) answer revives no deleted row
 * and loses no update. Applied when react-query writes the answer, not when it arrives.
 */
interface FetchChanges {
  deleted: Set<string>;
  updated: Map<string, Conversation>;
  /** The answer, identified by reference when react-query writes it. */
  answer: Conversation[] | null;
}

interface ActiveRun {
  stopRequested: boolean;
  sent: number;
  done: number;
  total: number;
}

export function createConversationKitRuntime(options: {
  adapter: ChatAdapter;
  queryClient: QueryClient;
  store: ConversationStore;
}): ConversationKitRuntime {
  const { adapter, queryClient, store } = options;
  const queryKey = ['conversation-kit', 'conversations', keyOfAdapter(adapter)] as const;
  const listeners = createListenerSet<ConversationEvent>();
  /** Deletions already reported, so that a local result and its adapter event count once. */
  const reportedDeleted = new Set<string>();
  /**
   * In-flight IDs an event deleted: their failure is no failure, the conversation is gone. Kept
   * even if a message brings the conversation back: the deletion still happened.
   */
  const removedWhileInFlight = new Set<string>();
  /** In-flight IDs that came back with a new message: the list keeps them whatever the result. */
  const updatedWhileInFlight = new Set<string>();
  /** The newest version of each in-flight conversation, which a rollback puts back. */
  const latestOfInFlight = new Map<string, Conversation>();
  /**
   * What happened while the list was loading, so that the (older) answer revives no deleted row
   * and loses no update. Applied when react-query writes the answer, not when it arrives.
   */
  const activeFetches = new Set<FetchChanges>();
  const activeRuns = new Set<ActiveRun>();
  queryClient.setQueryDefaults(queryKey, {
    // Adapter events keep the list live; refetching would only race with them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    // Called synchronously as react-query writes data: the one moment a fetched answer can be
    // brought up to date. Lists of 100,000 rows are never deep-compared.
    structuralSharing: (_previous: unknown, next: unknown) => {
      for (const changes of activeFetches) {
        if (changes.answer === next) return reconcileAnswer(changes);
      }
      return next;
    },
  });

  function reconcileAnswer(changes: FetchChanges): Conversation[] {
    activeFetches.delete(changes);
    const { inFlightIDs } = store.getState();
    const kept = (changes.answer ?? []).filter(
      (item) =>
        !changes.deleted.has(item.conversationID) &&
        (!inFlightIDs.has(item.conversationID) || updatedWhileInFlight.has(item.conversationID)),
    );
    const list = upsertConversations(kept, [...changes.updated.values()]);
    syncStore(list);
    return list;
  }

  /** The list the store last learned of: the cache notifies of it again later, for nothing. */
  let syncedList: Conversation[] | undefined;

  function syncStore(list: Conversation[]): void {
    syncedList = list;
    store.getState().syncConversationIDs(conversationIDsOf(list));
  }

  function readList(): Conversation[] | undefined {
    return queryClient.getQueryData<Conversation[]>(queryKey);
  }

  function writeList(next: Conversation[]): void {
    if (next === readList()) return;
    // The cache tells its subscribers of the write from inside setQueryData, the runtime's own
    // subscription included: marked first, the list is synced into the store once, just below.
    syncedList = next;
    queryClient.setQueryData<Conversation[]>(queryKey, next);
    // The store learns of the change at once, not when react-query notifies its observers (a
    // later task), so a rollback can re-select the rows it just put back.
    syncStore(next);
  }

  function noteDeleted(ids: Iterable<string>): void {
    for (const changes of activeFetches) {
      for (const id of ids) {
        changes.deleted.add(id);
        changes.updated.delete(id);
      }
    }
  }

  function noteUpdated(conversations: readonly Conversation[]): void {
    for (const changes of activeFetches) {
      for (const conversation of conversations) {
        changes.deleted.delete(conversation.conversationID);
        changes.updated.set(conversation.conversationID, conversation);
      }
    }
  }

  function report(ids: readonly string[], origin: DeletionOrigin): void {
    const fresh = ids.filter((id) => !reportedDeleted.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) reportedDeleted.add(id);
    listeners.emit({ type: 'conversationsDeleted', conversationIDs: fresh, origin });
  }

  function publishProgress(): void {
    let done = 0;
    let sent = 0;
    let total = 0;
    for (const run of activeRuns) {
      done += run.done;
      sent += run.sent;
      total += run.total;
    }
    store
      .getState()
      .setProgress(activeRuns.size > 0 ? { done, total, unsent: total - sent } : null);
  }

  /** Checks a request before anything leaves the list or reaches the backend. */
  function validateRequest(conversationIDs: readonly string[], clearHistory: unknown): string[] {
    if (!Array.isArray(conversationIDs)) {
      throw new ConversationKitError('INVALID_ARGUMENT', 'Expected an array of conversation IDs');
    }
    if (typeof clearHistory !== 'boolean') {
      throw new ConversationKitError('INVALID_ARGUMENT', 'clearHistory must be true or false');
    }
    if (!clearHistory && !adapter.capabilities.keepHistory) {
      // Never clear history behind the person's back: they chose to keep it.
      throw new ConversationKitError('INVALID_ARGUMENT', 'This backend cannot keep chat history');
    }
    // Repeats are harmless here (a selection listed twice); the adapter itself refuses them.
    const ids = validateConversationIDs(dedupeConversationIDs(conversationIDs));
    const list = readList();
    if (list) {
      const known = findListedIDs(new Set(ids), list, (item) => item.conversationID);
      const { inFlightIDs } = store.getState();
      const unknown = ids.filter((id) => !known.has(id) && !inFlightIDs.has(id));
      if (unknown.length > 0) {
        throw new ConversationKitError(
          'UNKNOWN_CONVERSATION_ID',
          `Not in the conversation list: ${describeSome(unknown)}`,
          { conversationIDs: unknown },
        );
      }
    }
    return ids;
  }

  async function deleteConversations(
    conversationIDs: readonly string[],
    deleteOptions: DeleteConversationsOptions,
  ): Promise<DeletionOutcome> {
    flushPendingDeletions();
    const clearHistory = deleteOptions?.clearHistory;
    const ids = validateRequest(conversationIDs, clearHistory);
    const state = store.getState();
    const skipped = ids.filter((id) => state.inFlightIDs.has(id));
    const toSend = ids.filter((id) => !state.inFlightIDs.has(id));
    const outcomeBase = { requested: ids, skipped, clearHistory: clearHistory as boolean };
    if (toSend.length === 0) {
      const outcome: DeletionOutcome = {
        ...outcomeBase,
        deleted: [],
        failed: [],
        notSent: [],
        stopped: false,
        results: [],
      };
      return outcome;
    }

    // Everything up to the first await runs synchronously, so a double click finds these in flight.
    const sending = new Set(toSend);
    const list = readList();
    // One pass over the list removes the rows and keeps what a rollback puts back.
    const kept =
      list &&
      removeConversations(list, sending, (item) => latestOfInFlight.set(item.conversationID, item));
    const wasSelected = toSend.filter((id) => state.selectedIDs.has(id));
    state.markInFlight(toSend);
    noteDeleted(toSend);
    if (kept) writeList(kept);

    const run: ActiveRun = { stopRequested: false, sent: 0, done: 0, total: toSend.length };
    activeRuns.add(run);
    publishProgress();
    let sent: Awaited<ReturnType<typeof sendDeletions>>;
    try {
      // The shorter list is painted before the backend is called: a quick backend answers in
      // microtasks, and all of its chunks would otherwise run before the browser paints.
      await new Promise<void>((resolve) => scheduleTask(resolve));
      sent = await sendDeletions({
        adapter,
        conversationIDs: toSend,
        clearMessage: clearHistory as boolean,
        concurrency: deleteOptions.concurrency,
        shouldStop: () => run.stopRequested,
        onChunkSent: (ids) => {
          run.sent += ids.length;
          publishProgress();
        },
        onChunkSettled: (results) => {
          run.done += results.length;
          publishProgress();
        },
      });
    } finally {
      activeRuns.delete(run);
      publishProgress();
    }
    flushPendingDeletions();

    const deleted: string[] = [];
    const deletedHere: string[] = [];
    const failed: DeleteResult[] = [];
    for (const result of sent.results) {
      if (result.ok) {
        deleted.push(result.conversationID);
        deletedHere.push(result.conversationID);
      } else if (removedWhileInFlight.has(result.conversationID)) {
        // Another device (or the backend) deleted it meanwhile: what the person wanted happened.
        deleted.push(result.conversationID);
      } else {
        failed.push(result);
      }
    }
    const comeBack = [...failed.map((result) => result.conversationID), ...sent.notSent].filter(
      (id) => !removedWhileInFlight.has(id),
    );

    // A row deleted here stays gone unless a new message brought it back meanwhile.
    const goneForGood = deletedHere.filter((id) => !updatedWhileInFlight.has(id));
    let next = readList();
    if (next) {
      next = removeConversations(next, new Set(goneForGood));
      const present = comeBack.length > 0 ? new Set(conversationIDsOf(next)) : new Set<string>();
      const restored = comeBack
        .filter((id) => !present.has(id))
        .map((id) => latestOfInFlight.get(id))
        .filter((item): item is Conversation => item !== undefined);
      next = upsertConversations(next, restored);
      writeList(next);
      noteUpdated(restored);
    }
    noteDeleted(goneForGood);
    for (const id of toSend) {
      removedWhileInFlight.delete(id);
      updatedWhileInFlight.delete(id);
      latestOfInFlight.delete(id);
    }
    // `state` was read before the await: its actions are still the store's, its values are not.
    state.settleInFlight(toSend);
    const reselect = new Set(comeBack);
    const stillSelected = wasSelected.filter((id) => reselect.has(id));
    const { selectionMode, selectedIDs } = store.getState();
    // Back in the selection only while there is one: outside selection mode nothing is selected.
    if (stillSelected.length > 0 && selectionMode) {
      state.replaceSelection([...selectedIDs, ...stillSelected]);
    }
    report(goneForGood, 'local');

    const outcome: DeletionOutcome = {
      ...outcomeBase,
      deleted,
      failed,
      notSent: sent.notSent,
      stopped: sent.stopped,
      results: sent.results,
    };
    state.setLastOutcome(outcome);
    return outcome;
  }

  /**
   * Deletion events heard from the adapter and not yet applied. A backend answers a batch in
   * chunks, each with its own event, often within one task; applying them together costs one list
   * pass and one render instead of one per chunk. Everything that reads the list applies them
   * first, so nothing ever acts on a list that is behind what was heard.
   */
  let pendingDeletions: Extract<ConversationEvent, { type: 'conversationsDeleted' }>[] = [];

  function flushPendingDeletions(): void {
    if (pendingDeletions.length === 0) return;
    const events = pendingDeletions;
    pendingDeletions = [];
    const list = readList();
    const { inFlightIDs } = store.getState();
    const deleted = new Set(events.flatMap((event) => event.conversationIDs));
    // One pass over the list both removes the rows and tells which of them this device had.
    const listed = new Set<string>();
    const next =
      list && removeConversations(list, deleted, (item) => listed.add(item.conversationID));
    if (next && listed.size > 0) writeList(next);
    else {
      // Rows being deleted here already left the list and the selection; others may linger in
      // the store (a list not loaded yet).
      const lingering = [...deleted].filter((id) => !inFlightIDs.has(id));
      if (lingering.length > 0) store.getState().forgetConversations(lingering);
    }
    for (const event of events) {
      const ids = event.conversationIDs.filter(
        (id) => listed.has(id) || inFlightIDs.has(id) || list === undefined,
      );
      report(ids, event.origin);
    }
  }

  function receiveDeletion(event: Extract<ConversationEvent, { type: 'conversationsDeleted' }>) {
    // What a result or a fetch answer needs to know is recorded at once; only the list waits.
    const { inFlightIDs } = store.getState();
    for (const id of event.conversationIDs) if (inFlightIDs.has(id)) removedWhileInFlight.add(id);
    noteDeleted(event.conversationIDs);
    if (pendingDeletions.length === 0) scheduleTask(flushPendingDeletions);
    pendingDeletions.push(event);
  }

  function applyEvent(event: ConversationEvent): void {
    if (event.type === 'conversationsDeleted') {
      receiveDeletion(event);
      flushPendingDeletions();
      return;
    }
    flushPendingDeletions();
    const list = readList();
    const { inFlightIDs } = store.getState();
    for (const conversation of event.conversations) {
      const id = conversation.conversationID;
      reportedDeleted.delete(id);
      if (inFlightIDs.has(id)) {
        updatedWhileInFlight.add(id);
        latestOfInFlight.set(id, conversation);
      }
    }
    noteUpdated(event.conversations);
    if (list) writeList(upsertConversations(list, event.conversations));
    listeners.emit(event);
  }

  async function fetchConversations(context?: { signal?: AbortSignal }): Promise<Conversation[]> {
    const changes: FetchChanges = { deleted: new Set(), updated: new Map(), answer: null };
    activeFetches.add(changes);
    // A fetch cancelled before it answered is never written. One that has answered may still be
    // written after a later cancel (react-query cannot take it back), so its record stays.
    context?.signal?.addEventListener('abort', () => {
      if (changes.answer === null) activeFetches.delete(changes);
    });
    try {
      changes.answer = sortConversations(await adapter.getConversationList());
      // Deletions heard while loading are reported against the list they removed rows from.
      flushPendingDeletions();
      return changes.answer;
    } catch (error) {
      activeFetches.delete(changes);
      throw error;
    }
  }

  return {
    adapter,
    queryClient,
    store,
    queryKey,
    fetchConversations,
    deleteConversations,
    async confirmDeletion() {
      flushPendingDeletions();
      const request = store.getState().takePendingDeletion();
      if (!request) return null;
      return deleteConversations(request.conversationIDs, {
        clearHistory: request.clearHistory || !adapter.capabilities.keepHistory,
      });
    },
    stop() {
      for (const run of activeRuns) run.stopRequested = true;
    },
    applyEvent,
    applyPendingEvents: flushPendingDeletions,
    subscribe: listeners.add,
    connect() {
      const unsubscribeAdapter = adapter.subscribe((event) => {
        if (event.type === 'conversationsDeleted') receiveDeletion(event);
        else applyEvent(event);
      });
      const queryHash = hashKey(queryKey);
      // Catches list writes that bypass the runtime (a host's setQueryData, a refetch).
      const unsubscribeCache = queryClient.getQueryCache().subscribe((cacheEvent) => {
        if (cacheEvent.type !== 'updated' || cacheEvent.query.queryHash !== queryHash) return;
        const data = cacheEvent.query.state.data as Conversation[] | undefined;
        // Status changes and the runtime's own writes arrive here too; only a new list is news.
        if (data && data !== syncedList) syncStore(data);
      });
      return () => {
        unsubscribeAdapter();
        unsubscribeCache();
      };
    },
  };
}
