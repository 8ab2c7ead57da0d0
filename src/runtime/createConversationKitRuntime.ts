import type { Query, QueryClient } from '@tanstack/react-query';
import {
  dedupeConversationIDs,
  describeSome,
  findListedIDs,
  validateConversationIDs,
} from '../core/conversationIds';
import { ConversationKitError, toConversationKitError, UNKNOWN_FAILURE_CODE } from '../core/errors';
import { createListenerSet } from '../core/listenerSet';
import { failed } from '../core/results';
import { scheduleTask } from '../core/scheduleTask';
import type {
  ChatAdapter,
  Conversation,
  ConversationEvent,
  DeleteResult,
  DeletionOrigin,
} from '../core/types';
import { assertAdapterCapabilities, conversationListQueryKey } from './adapterChecks';
import { classifyResults } from './classifyResults';
import {
  conversationIDsOf,
  removeConversations,
  sortConversations,
  upsertConversations,
} from './conversationListCache';
import { createDeletionEventBuffer, type DeletionEvent } from './deletionEventBuffer';
import { createDeletionState, type DeletionStateStore } from './deletionState';
import { fetchReconcilerOf, reconcileFetchedList } from './fetchReconciler';
import { type SendDeletionsResult, sendDeletions } from './sendDeletions';
import type {
  ConversationKitErrorReport,
  ConversationQueryOptions,
  DeleteConversationsOptions,
  DeletionOutcome,
  ListStateAccess,
} from './types';

/**
 * What one list scope runs on: the adapter, the query cache of its conversations, the UI store
 * and the runtime's own deletion state, kept consistent with each other. Plain TypeScript (the
 * model is TanStack's query-core), so every deletion path is testable without React. Creating one
 * has no side effects: it touches the adapter and the query cache only once `connect()` is called
 * or a method is used.
 */
export interface ConversationKitRuntime<Store extends ListStateAccess = ListStateAccess> {
  readonly adapter: ChatAdapter;
  readonly queryClient: QueryClient;
  /** The UI state of the list (selection, focus, open swipe, pending confirmation). */
  readonly store: Store;
  /** The deletions' own state: IDs in flight, progress, the latest outcome. */
  readonly deletionState: DeletionStateStore;
  readonly queryKey: readonly unknown[];
  /**
   * The query's options. A host that fetches the list itself (`fetchQuery`, `prefetchQuery`)
   * passes these, so that its answer is reconciled like the kit's own.
   */
  readonly queryOptions: ConversationQueryOptions;
  /**
   * Loads the list from the adapter. What is deleted or updated meanwhile is applied to the
   * answer when react-query writes it (`queryOptions.structuralSharing`), so a slow answer never
   * revives a deleted row.
   */
  fetchConversations(): Promise<Conversation[]>;
  /**
   * Validates, removes optimistically, sends, and puts back exactly what failed or was not sent.
   * Rejects with a `ConversationKitError` when the request is refused before anything is sent;
   * every refusal and unexpected failure is also reported to `subscribeToErrors` listeners.
   */
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
  /**
   * Hears every refused request (`refused: true`: nothing left the list, nothing was sent) and
   * every unexpected failure of a deletion under way (its rows come back as failed), once each.
   */
  subscribeToErrors(listener: (report: ConversationKitErrorReport) => void): () => void;
  /** Subscribes to the adapter and the query cache; returns the function that undoes both. */
  connect(): () => void;
}

export function createConversationKitRuntime<Store extends ListStateAccess>(options: {
  adapter: ChatAdapter;
  queryClient: QueryClient;
  store: Store;
}): ConversationKitRuntime<Store> {
  const { adapter, queryClient, store } = options;
  assertAdapterCapabilities(adapter);
  const queryKey = conversationListQueryKey(adapter);
  const listeners = createListenerSet<ConversationEvent>();
  const errorListeners = createListenerSet<ConversationKitErrorReport>();
  const deletions = createDeletionState();
  const reconciler = fetchReconcilerOf(queryClient, adapter);
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
  /** The list the store last learned of: the cache notifies of it again later, for nothing. */
  let syncedList: Conversation[] | undefined;

  // ----- the list in the query cache, and the store's copy of its IDs -----

  /** Whether a query of the cache is this list (compared by key, whatever the host's hashing). */
  function isThisList(query: Query): boolean {
    const key = query.queryKey;
    return key.length === queryKey.length && key.every((part, index) => part === queryKey[index]);
  }

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

  /** A row being deleted here stays out of a fetched answer, unless a message brought it back. */
  function hidesFromAnswer(conversationID: string): boolean {
    return deletions.isInFlight(conversationID) && !updatedWhileInFlight.has(conversationID);
  }

  function report(ids: readonly string[], origin: DeletionOrigin): void {
    const fresh = ids.filter((id) => !reportedDeleted.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) reportedDeleted.add(id);
    listeners.emit({ type: 'conversationsDeleted', conversationIDs: fresh, origin });
  }

  /** Reports a refusal or an unexpected failure once, and hands it back to be thrown. */
  function reportError(error: unknown, refused: boolean): ConversationKitError {
    const kitError = toConversationKitError(error);
    errorListeners.emit({ error: kitError, refused });
    return kitError;
  }

  // ----- deletions -----

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
      const listed = findListedIDs(new Set(ids), list, (item) => item.conversationID);
      const unknown = ids.filter((id) => !listed.has(id) && !deletions.isInFlight(id));
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
    let ids: string[];
    try {
      eventBuffer.flush();
      ids = validateRequest(conversationIDs, deleteOptions?.clearHistory);
    } catch (error) {
      throw reportError(error, true);
    }
    return runDeletion(ids, deleteOptions.clearHistory, deleteOptions.concurrency);
  }

  async function runDeletion(
    ids: string[],
    clearHistory: boolean,
    concurrency: number | undefined,
  ): Promise<DeletionOutcome> {
    const skipped = ids.filter((id) => deletions.isInFlight(id));
    const toSend = ids.filter((id) => !deletions.isInFlight(id));
    const outcomeBase = { requested: ids, skipped, clearHistory };
    if (toSend.length === 0) {
      return { ...outcomeBase, deleted: [], failed: [], notSent: [], stopped: false, results: [] };
    }

    // Everything up to the first await runs synchronously, so a double click finds these in flight.
    const list = readList();
    // One pass over the list removes the rows and keeps what a rollback puts back.
    const kept =
      list &&
      removeConversations(list, new Set(toSend), (item) =>
        latestOfInFlight.set(item.conversationID, item),
      );
    const { selectedIDs } = store.getState();
    const wasSelected = toSend.filter((id) => selectedIDs.has(id));
    deletions.markInFlight(toSend);
    reconciler.noteDeleted(toSend);
    if (kept) writeList(kept);

    const run = deletions.startRun(toSend.length);
    /** Results as they come in, so that an unexpected failure later loses none of them. */
    const settledResults = new Map<string, DeleteResult>();
    let sent: SendDeletionsResult;
    try {
      // The shorter list is painted before the backend is called: a quick backend answers in
      // microtasks, and all of its chunks would otherwise run before the browser paints.
      await new Promise<void>((resolve) => scheduleTask(resolve));
      sent = await sendDeletions({
        adapter,
        conversationIDs: toSend,
        clearMessage: clearHistory,
        concurrency,
        shouldStop: () => run.stopRequested,
        onChunkSent: (chunkIDs) => deletions.countSent(run, chunkIDs.length),
        onChunkSettled: (results) => {
          for (const result of results) settledResults.set(result.conversationID, result);
          deletions.countDone(run, results.length);
        },
      });
    } catch (error) {
      // Rows already left the list: whatever went wrong, every ID without a result comes back
      // as failed with the reason, and the deletion settles like any other.
      const { message } = reportError(error, false);
      sent = {
        results: toSend.map(
          (id) => settledResults.get(id) ?? failed(id, UNKNOWN_FAILURE_CODE, message),
        ),
        notSent: [],
        stopped: false,
      };
    } finally {
      deletions.endRun(run);
    }
    try {
      return settleDeletion(toSend, wasSelected, sent, outcomeBase);
    } catch (error) {
      // Settling touches the host's cache and listeners; whatever throws there, the IDs must
      // not stay marked in flight, or every later deletion of them would be skipped.
      deletions.settleInFlight(toSend);
      throw reportError(error, false);
    }
  }

  /** Applies the results of a deletion to the list and the store, and records its outcome. */
  function settleDeletion(
    toSend: readonly string[],
    wasSelected: readonly string[],
    sent: SendDeletionsResult,
    outcomeBase: Pick<DeletionOutcome, 'requested' | 'skipped' | 'clearHistory'>,
  ): DeletionOutcome {
    eventBuffer.flush();
    const {
      deleted,
      deletedHere,
      failed: failures,
    } = classifyResults(sent.results, removedWhileInFlight);
    const comeBack = [...failures.map((result) => result.conversationID), ...sent.notSent].filter(
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
      reconciler.noteUpdated(restored);
    }
    reconciler.noteDeleted(goneForGood);
    for (const id of toSend) {
      removedWhileInFlight.delete(id);
      updatedWhileInFlight.delete(id);
      latestOfInFlight.delete(id);
    }
    deletions.settleInFlight(toSend);
    const reselect = new Set(comeBack);
    const stillSelected = wasSelected.filter((id) => reselect.has(id));
    const { selectionMode, selectedIDs, replaceSelection } = store.getState();
    // Back in the selection only while there is one: outside selection mode nothing is selected.
    if (stillSelected.length > 0 && selectionMode) {
      replaceSelection([...selectedIDs, ...stillSelected]);
    }
    report(goneForGood, 'local');

    const outcome: DeletionOutcome = {
      ...outcomeBase,
      deleted,
      failed: failures,
      notSent: sent.notSent,
      stopped: sent.stopped,
      results: sent.results,
    };
    deletions.setLastOutcome(outcome);
    return outcome;
  }

  // ----- adapter events -----

  const eventBuffer = createDeletionEventBuffer(applyDeletionEvents);

  function applyDeletionEvents(events: DeletionEvent[]): void {
    const list = readList();
    const deleted = new Set(events.flatMap((event) => event.conversationIDs));
    // One pass over the list both removes the rows and tells which of them this device had.
    const listed = new Set<string>();
    const next =
      list && removeConversations(list, deleted, (item) => listed.add(item.conversationID));
    if (next && listed.size > 0) {
      writeList(next);
    } else {
      // Rows being deleted here already left the list and the selection; others may linger in
      // the store (a list not loaded yet).
      const lingering = [...deleted].filter((id) => !deletions.isInFlight(id));
      if (lingering.length > 0) store.getState().forgetConversations(lingering);
    }
    for (const event of events) {
      const ids = event.conversationIDs.filter(
        (id) => listed.has(id) || deletions.isInFlight(id) || list === undefined,
      );
      report(ids, event.origin);
    }
  }

  function receiveDeletion(event: DeletionEvent): void {
    // What a result or a fetch answer needs to know is recorded at once; only the list waits.
    for (const id of event.conversationIDs) {
      if (deletions.isInFlight(id)) removedWhileInFlight.add(id);
    }
    reconciler.noteDeleted(event.conversationIDs);
    eventBuffer.push(event);
  }

  function applyEvent(event: ConversationEvent): void {
    if (event.type === 'conversationsDeleted') {
      receiveDeletion(event);
      eventBuffer.flush();
      return;
    }
    eventBuffer.flush();
    const list = readList();
    for (const conversation of event.conversations) {
      const id = conversation.conversationID;
      reportedDeleted.delete(id);
      if (deletions.isInFlight(id)) {
        updatedWhileInFlight.add(id);
        latestOfInFlight.set(id, conversation);
      }
    }
    reconciler.noteUpdated(event.conversations);
    if (list) writeList(upsertConversations(list, event.conversations));
    listeners.emit(event);
  }

  // ----- fetching -----

  async function fetchConversations(): Promise<Conversation[]> {
    // The query's abort signal is left unread on purpose: reading it makes react-query cancel the
    // fetch when its last observer unmounts (StrictMode's rehearsal unmount, for one) and ask the
    // backend again on remount.
    const record = reconciler.begin();
    try {
      const answer = sortConversations(await adapter.getConversationList());
      reconciler.answered(record, answer, { hides: hidesFromAnswer, onWritten: syncStore });
      // Deletions heard while loading are reported against the list they removed rows from.
      eventBuffer.flush();
      return answer;
    } catch (error) {
      reconciler.failed(record);
      throw error;
    }
  }

  const queryOptions: ConversationQueryOptions = {
    queryKey,
    queryFn: fetchConversations,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    structuralSharing: reconcileFetchedList,
  };

  return {
    adapter,
    queryClient,
    store,
    deletionState: deletions.state,
    queryKey,
    queryOptions,
    fetchConversations,
    deleteConversations,
    async confirmDeletion() {
      eventBuffer.flush();
      const request = store.getState().takePendingDeletion();
      if (!request) return null;
      return deleteConversations(request.conversationIDs, {
        clearHistory: request.clearHistory || !adapter.capabilities.keepHistory,
      });
    },
    stop: deletions.stopAll,
    applyEvent,
    applyPendingEvents: eventBuffer.flush,
    subscribe: listeners.add,
    subscribeToErrors: errorListeners.add,
    connect() {
      const removeHider = reconciler.addHider(hidesFromAnswer);
      const unsubscribeAdapter = adapter.subscribe((event) => {
        if (event.type === 'conversationsDeleted') receiveDeletion(event);
        else applyEvent(event);
      });
      // Catches list writes that bypass the runtime (a host's setQueryData, a refetch).
      const unsubscribeCache = queryClient.getQueryCache().subscribe((cacheEvent) => {
        if (cacheEvent.type !== 'updated' || !isThisList(cacheEvent.query)) return;
        const data = cacheEvent.query.state.data as Conversation[] | undefined;
        // Status changes and the runtime's own writes arrive here too; only a new list is news.
        if (data && data !== syncedList) syncStore(data);
      });
      return () => {
        removeHider();
        unsubscribeAdapter();
        unsubscribeCache();
      };
    },
  };
}
