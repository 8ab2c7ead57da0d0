import { hashKey, type QueryClient } from '@tanstack/react-query';
import {
  dedupeConversationIDs,
  describeSome,
  findListedIDs,
  validateConversationIDs,
} from '../core/conversationIds';
import {
  ConversationKitError,
  SdkCode,
  toConversationKitError,
  UNKNOWN_FAILURE_CODE,
} from '../core/errors';
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
import type { ConversationStore, DeletionOutcome } from '../store/createConversationStore';
import {
  conversationIDsOf,
  removeConversations,
  sortConversations,
  upsertConversations,
} from './conversationListCache';
import { type SendDeletionsResult, sendDeletions } from './sendDeletions';

export interface DeleteConversationsOptions {
  /** `true` deletes the chat history too, unrecoverably. */
  clearHistory: boolean;
  /** Batch calls in flight at once. Default 2. */
  concurrency?: number;
}

/** The options the kit's conversation query runs with; spread them into a host's own fetches. */
export interface ConversationQueryOptions {
  readonly queryKey: readonly unknown[];
  readonly queryFn: () => Promise<Conversation[]>;
  /** Adapter events keep the list live; refetching on its own would only race with them. */
  readonly staleTime: number;
  readonly refetchOnWindowFocus: false;
  /** Brings a fetched answer up to date with what happened while it was loading. */
  readonly structuralSharing: (previous: unknown, next: unknown) => unknown;
}

/**
 * What one list scope runs on: the adapter, the query cache of its conversations and its store,
 * kept consistent with each other. Plain TypeScript, so every deletion path is testable without
 * React. Creating one has no side effects: it touches the adapter and the query cache only once
 * `connect()` is called or a method is used.
 */
export interface ConversationKitRuntime {
  readonly adapter: ChatAdapter;
  readonly queryClient: QueryClient;
  readonly store: ConversationStore;
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
  /** Subscribes to the adapter; returns the function that undoes it. */
  connect(): () => void;
}

/** An error of the kit, and whether it refused a request outright. */
export interface ConversationKitErrorReport {
  error: ConversationKitError;
  /** `true`: refused before anything left the list or reached the backend. */
  refused: boolean;
}

/**
 * Checks what an adapter says it can do before anything relies on it: a batch size that is not
 * a positive whole number would make chunking fail after rows already left the list.
 */
export function assertAdapterCapabilities(adapter: ChatAdapter): void {
  const capabilities = (adapter as Partial<ChatAdapter> | null | undefined)?.capabilities;
  const maxBatchSize = capabilities?.maxBatchSize;
  if (typeof maxBatchSize !== 'number' || !Number.isSafeInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new ConversationKitError(
      'INVALID_ADAPTER',
      `The adapter's capabilities.maxBatchSize must be a whole number of 1 or more, not ${String(maxBatchSize)}`,
    );
  }
  if (typeof capabilities?.keepHistory !== 'boolean') {
    throw new ConversationKitError(
      'INVALID_ADAPTER',
      "The adapter's capabilities.keepHistory must be true or false",
    );
  }
  for (const method of [
    'getConversationList',
    'deleteConversation',
    'deleteConversationList',
    'subscribe',
  ] as const) {
    if (typeof adapter[method] !== 'function') {
      throw new ConversationKitError('INVALID_ADAPTER', `The adapter has no ${method} method`);
    }
  }
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

/**
 * What every runtime on one list of one QueryClient shares: two providers on one adapter and
 * client (or StrictMode's second render) read and write the same cached list, so a fetch started
 * by one must learn what the others deleted, and must leave out what they are deleting.
 */
interface SharedList {
  /** Fetches whose answer is not written yet, whichever runtime started them. */
  readonly activeFetches: Set<FetchChanges>;
  /** Per connected runtime: whether it keeps a conversation out of a fetched answer. */
  readonly hiders: Set<(conversationID: string) => boolean>;
}

const sharedLists = new WeakMap<QueryClient, Map<number, SharedList>>();

/** Looked up, never registered: creating a runtime changes nothing outside it. */
function sharedListOf(queryClient: QueryClient, adapterKey: number): SharedList {
  let lists = sharedLists.get(queryClient);
  if (!lists) {
    lists = new Map();
    sharedLists.set(queryClient, lists);
  }
  let shared = lists.get(adapterKey);
  if (!shared) {
    shared = { activeFetches: new Set(), hiders: new Set() };
    lists.set(adapterKey, shared);
  }
  return shared;
}

/** The reconciliation of each answer not written yet, found by the answer itself. */
const pendingAnswers = new WeakMap<object, () => Conversation[]>();

/**
 * The query's `structuralSharing`: called synchronously as react-query writes data, the one
 * moment a fetched answer can be brought up to date. One function for every runtime, because the
 * query keeps the options of whichever observer set them last; the answer knows its own fetch.
 * Lists of 100,000 rows are never deep-compared.
 */
function reconcileFetchedList(_previous: unknown, next: unknown): unknown {
  const reconcile =
    typeof next === 'object' && next !== null ? pendingAnswers.get(next) : undefined;
  return reconcile ? reconcile() : next;
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
  assertAdapterCapabilities(adapter);
  const adapterKey = keyOfAdapter(adapter);
  const queryKey = ['conversation-kit', 'conversations', adapterKey] as const;
  const listeners = createListenerSet<ConversationEvent>();
  const errorListeners = createListenerSet<ConversationKitErrorReport>();
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
  const shared = sharedListOf(queryClient, adapterKey);
  const activeFetches = shared.activeFetches;
  const activeRuns = new Set<ActiveRun>();

  /** A row being deleted here stays out of a fetched answer, unless a message brought it back. */
  function hidesFromAnswer(conversationID: string): boolean {
    return (
      store.getState().inFlightIDs.has(conversationID) && !updatedWhileInFlight.has(conversationID)
    );
  }

  function reconcileAnswer(changes: FetchChanges): Conversation[] {
    // A query runs one fetch at a time; those started before this one were cancelled or
    // superseded, and react-query never writes their answers after a newer one.
    for (const earlier of activeFetches) {
      activeFetches.delete(earlier);
      if (earlier === changes) break;
    }
    const kept = (changes.answer ?? []).filter((item) => {
      const id = item.conversationID;
      if (changes.deleted.has(id) || hidesFromAnswer(id)) return false;
      for (const hides of shared.hiders) if (hides(id)) return false;
      return true;
    });
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

  /** Reports a refusal or an unexpected failure once, and hands it back to be thrown. */
  function reportError(error: unknown, refused: boolean): ConversationKitError {
    const kitError = toConversationKitError(error);
    errorListeners.emit({ error: kitError, refused });
    return kitError;
  }

  async function deleteConversations(
    conversationIDs: readonly string[],
    deleteOptions: DeleteConversationsOptions,
  ): Promise<DeletionOutcome> {
    let ids: string[];
    try {
      flushPendingDeletions();
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
    const state = store.getState();
    const skipped = ids.filter((id) => state.inFlightIDs.has(id));
    const toSend = ids.filter((id) => !state.inFlightIDs.has(id));
    const outcomeBase = { requested: ids, skipped, clearHistory };
    if (toSend.length === 0) {
      return { ...outcomeBase, deleted: [], failed: [], notSent: [], stopped: false, results: [] };
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
        onChunkSent: (chunkIDs) => {
          run.sent += chunkIDs.length;
          publishProgress();
        },
        onChunkSettled: (results) => {
          for (const result of results) settledResults.set(result.conversationID, result);
          run.done += results.length;
          publishProgress();
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
      activeRuns.delete(run);
      publishProgress();
    }
    try {
      return settleDeletion(toSend, wasSelected, sent, outcomeBase);
    } catch (error) {
      // Settling touches the host's cache and listeners; whatever throws there, the IDs must
      // not stay marked in flight, or every later deletion of them would be skipped.
      store.getState().settleInFlight(toSend);
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
    flushPendingDeletions();
    const deleted: string[] = [];
    const deletedHere: string[] = [];
    const failures: DeleteResult[] = [];
    for (const result of sent.results) {
      if (result.ok || result.code === SdkCode.CONVERSATION_NOT_FOUND) {
        // "Not found" for a conversation the person asked to delete: it is already gone (another
        // device deleted it and this one never heard), which is what they wanted.
        deleted.push(result.conversationID);
        deletedHere.push(result.conversationID);
      } else if (removedWhileInFlight.has(result.conversationID)) {
        // Another device (or the backend) deleted it meanwhile: what the person wanted happened.
        deleted.push(result.conversationID);
      } else {
        failures.push(result);
      }
    }
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
      noteUpdated(restored);
    }
    noteDeleted(goneForGood);
    for (const id of toSend) {
      removedWhileInFlight.delete(id);
      updatedWhileInFlight.delete(id);
      latestOfInFlight.delete(id);
    }
    const state = store.getState();
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
      failed: failures,
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

  async function fetchConversations(): Promise<Conversation[]> {
    // The query's abort signal is left unread on purpose: reading it makes react-query cancel the
    // fetch when its last observer unmounts (StrictMode's rehearsal unmount, for one) and ask the
    // backend again on remount. A fetch whose answer is never written leaves its record behind
    // until a later answer is written (see reconcileAnswer).
    const changes: FetchChanges = { deleted: new Set(), updated: new Map(), answer: null };
    activeFetches.add(changes);
    try {
      const answer = sortConversations(await adapter.getConversationList());
      changes.answer = answer;
      pendingAnswers.set(answer, () => {
        pendingAnswers.delete(answer);
        return reconcileAnswer(changes);
      });
      // Deletions heard while loading are reported against the list they removed rows from.
      flushPendingDeletions();
      return answer;
    } catch (error) {
      activeFetches.delete(changes);
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
    queryKey,
    queryOptions,
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
    subscribeToErrors: errorListeners.add,
    connect() {
      shared.hiders.add(hidesFromAnswer);
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
        shared.hiders.delete(hidesFromAnswer);
        unsubscribeAdapter();
        unsubscribeCache();
      };
    },
  };
}
