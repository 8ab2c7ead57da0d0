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
import { defaultOutboxStorage, type OutboxEntry, type OutboxStorage } from './outbox';
import { type SendDeletionsResult, sendDeletions } from './sendDeletions';
import type {
  ConversationKitErrorReport,
  ConversationQueryOptions,
  DeleteConversationsOptions,
  DeletionOutcome,
  ListStateAccess,
} from './types';
import { createUndoWindows } from './undoWindows';

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
  /** How long a confirmed deletion waits before it is sent, in ms; 0 sends at once. */
  readonly undoWindowMs: number;
  /** Changes the undo window of deletions confirmed from now on (those in a window keep theirs). */
  setUndoWindowMs(undoWindowMs: number): void;
  /**
   * Undoes a deletion still in its undo window (the most recent when no ID is given): its rows
   * come back in their place and nothing is sent. Returns whether there was one to undo.
   */
  undo(deletionID?: string): boolean;
  /** Stops the clocks of the undo windows while the person reads or reaches for Undo. */
  pauseUndoWindows(): void;
  resumeUndoWindows(): void;
  /** Sends every deletion still in its undo window now (the page is going away). */
  sendPendingNow(): void;
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

export interface ConversationKitRuntimeOptions<Store extends ListStateAccess> {
  adapter: ChatAdapter;
  queryClient: QueryClient;
  store: Store;
  /** How long a confirmed deletion can be undone before it is sent, in ms. Default 0 (off). */
  undoWindowMs?: number;
  /**
   * Where confirmed deletions are kept until the backend has them, per account
   * (`adapter.accountID`). Default: the browser's localStorage; `null` keeps nothing.
   */
  outboxStorage?: OutboxStorage | null;
}

/** Background sends report their errors to `subscribeToErrors` before they reject. */
const alreadyReported = () => {};

/** The first wait before a deletion that did not reach the network is sent again. */
const FIRST_RETRY_DELAY_MS = 1000;
/** The longest wait between two tries, however often the network failed. */
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Per outbox, the kept deletions some runtime of this page is handling (confirmed here, or read
 * back from it): a runtime made later on this page (a provider mounted again) leaves them to it,
 * so each is sent by one runtime.
 */
const handledByOutbox = new WeakMap<OutboxStorage, Set<string>>();
let lastDeletionNumber = 0;

function checkedUndoWindow(undoWindowMs: number): number {
  if (typeof undoWindowMs !== 'number' || !Number.isFinite(undoWindowMs) || undoWindowMs < 0) {
    throw new ConversationKitError(
      'INVALID_ARGUMENT',
      `undoWindowMs must be a number of milliseconds, 0 or more, not ${String(undoWindowMs)}`,
    );
  }
  return undoWindowMs;
}

function newDeletionID(): string {
  lastDeletionNumber += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${lastDeletionNumber}`;
}

export function createConversationKitRuntime<Store extends ListStateAccess>(
  options: ConversationKitRuntimeOptions<Store>,
): ConversationKitRuntime<Store> {
  const { adapter, queryClient, store } = options;
  let undoWindowMs = checkedUndoWindow(options.undoWindowMs ?? 0);
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
  const undoWindows = createUndoWindows({ onChange: deletions.setUndoable });

  // ----- the outbox: confirmed deletions kept until the backend has them -----

  const outbox =
    options.outboxStorage === undefined
      ? defaultOutboxStorage()
      : (options.outboxStorage ?? undefined);
  let handledInThisPage = new Set<string>();
  if (outbox) {
    handledInThisPage = handledByOutbox.get(outbox) ?? handledInThisPage;
    handledByOutbox.set(outbox, handledInThisPage);
  }
  /** The account each kept deletion belongs to, so it leaves the right outbox after a sign-in. */
  const accountOfKept = new Map<string, string>();

  /** The signed-in account now: read each time, since an SDK may log in after the runtime exists. */
  function currentAccount(): string | undefined {
    const accountID = adapter.accountID;
    return typeof accountID === 'string' && accountID !== '' ? accountID : undefined;
  }

  function readOutbox(accountID: string): OutboxEntry[] {
    if (!outbox) return [];
    try {
      return outbox.read(accountID);
    } catch {
      return [];
    }
  }

  /** Read, changed and written at once: another runtime of the page may keep entries there too. */
  function updateOutbox(
    accountID: string,
    change: (entries: OutboxEntry[]) => OutboxEntry[],
  ): void {
    if (!outbox) return;
    try {
      outbox.write(accountID, change(readOutbox(accountID)));
      deletions.setOutboxUnavailable(false);
    } catch {
      // Storage full or blocked: the deletion goes out all the same, it just would not survive
      // a reload before the backend has it. The status says so; nothing throws into the host.
      deletions.setOutboxUnavailable(true);
    }
  }

  function keepInOutbox(entry: OutboxEntry): void {
    // Without a known account nothing can be found again after a reload: nothing is kept.
    const accountID = currentAccount();
    if (!accountID) return;
    accountOfKept.set(entry.deletionID, accountID);
    handledInThisPage.add(entry.deletionID);
    updateOutbox(accountID, (entries) => [...entries, entry]);
  }

  /** Keeps only these IDs of a kept deletion: the others were settled. */
  function narrowOutboxEntry(deletionID: string, conversationIDs: readonly string[]): void {
    const accountID = accountOfKept.get(deletionID);
    if (accountID === undefined) return;
    const remaining = new Set(conversationIDs);
    updateOutbox(accountID, (entries) =>
      entries.map((entry) =>
        entry.deletionID === deletionID
          ? { ...entry, conversationIDs: entry.conversationIDs.filter((id) => remaining.has(id)) }
          : entry,
      ),
    );
  }

  function dropFromOutbox(deletionID: string): void {
    const accountID = accountOfKept.get(deletionID);
    if (accountID === undefined) return;
    accountOfKept.delete(deletionID);
    handledInThisPage.delete(deletionID);
    updateOutbox(accountID, (entries) =>
      entries.filter((entry) => entry.deletionID !== deletionID),
    );
  }

  /**
   * Deletions confirmed on an earlier page load and never acknowledged. Their rows are hidden
   * from the very first render (they are in flight from the start); they are sent on `connect()`.
   */
  const accountAtStart = currentAccount();
  const keptAtStart = (accountAtStart ? readOutbox(accountAtStart) : []).filter(
    (entry) => !handledInThisPage.has(entry.deletionID),
  );
  // Claimed only on connect: StrictMode makes a runtime it throws away, which must claim nothing.
  if (keptAtStart.length > 0) {
    deletions.markInFlight(keptAtStart.flatMap((entry) => entry.conversationIDs));
  }
  let keptSent = false;

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

    const deletionID = newDeletionID();
    keepInOutbox({ deletionID, conversationIDs: toSend, clearHistory, confirmedAt: Date.now() });
    if (undoWindowMs > 0) {
      const end = await undoWindows.open(
        { deletionID, conversationIDs: toSend, clearHistory },
        undoWindowMs,
      );
      if (end === 'undo') {
        // `undone` belongs to the outcome recorded as `lastOutcome` too: the status reads it there.
        return settleDeletion(
          toSend,
          wasSelected,
          { results: [], notSent: toSend, stopped: false },
          { ...outcomeBase, undone: true },
          { deletionID, attempt: 0 },
        );
      }
    }
    // Deleted on another device during the window: gone already, nothing to send for it.
    const sending = toSend.filter((id) => !removedWhileInFlight.has(id));

    const run = deletions.startRun(sending.length);
    /** Results as they come in, so that an unexpected failure later loses none of them. */
    const settledResults = new Map<string, DeleteResult>();
    let sent: SendDeletionsResult;
    try {
      // The shorter list is painted before the backend is called: a quick backend answers in
      // microtasks, and all of its chunks would otherwise run before the browser paints.
      await new Promise<void>((resolve) => scheduleTask(resolve));
      sent =
        sending.length === 0
          ? { results: [], notSent: [], stopped: false }
          : await sendDeletions({
              adapter,
              conversationIDs: sending,
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
        results: sending.map(
          (id) => settledResults.get(id) ?? failed(id, UNKNOWN_FAILURE_CODE, message),
        ),
        notSent: [],
        stopped: false,
      };
    } finally {
      deletions.endRun(run);
    }
    try {
      return settleDeletion(toSend, wasSelected, sent, outcomeBase, { deletionID, attempt: 0 });
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
    outcomeBase: Pick<DeletionOutcome, 'requested' | 'skipped' | 'clearHistory' | 'undone'>,
    kept: { deletionID: string; attempt: number },
  ): DeletionOutcome {
    eventBuffer.flush();
    const {
      deleted,
      deletedHere,
      failed: failures,
      waitingForNetwork,
    } = classifyResults(sent.results, removedWhileInFlight);
    const comeBack = [...failures.map((result) => result.conversationID), ...sent.notSent].filter(
      (id) => !removedWhileInFlight.has(id),
    );
    // What waits for the network stays as it is: hidden, in flight, kept in the outbox.
    const waiting = new Set(waitingForNetwork);
    const settled = toSend.filter((id) => !waiting.has(id));

    // A row deleted here stays gone unless a new message brought it back meanwhile.
    const goneForGood = deletedHere.filter((id) => !updatedWhileInFlight.has(id));
    let next = readList();
    if (next) {
      next = removeConversations(next, new Set(goneForGood));
      const present = comeBack.length > 0 ? new Set(conversationIDsOf(next)) : new Set<string>();
      const missing = comeBack.filter((id) => !present.has(id));
      const restored = missing
        .map((id) => latestOfInFlight.get(id))
        .filter((item): item is Conversation => item !== undefined);
      next = upsertConversations(next, restored);
      writeList(next);
      reconciler.noteUpdated(restored);
      // A row never shown on this page load (a deletion kept from the last one) comes back
      // with the list as the backend has it.
      if (restored.length < missing.length) void queryClient.invalidateQueries({ queryKey });
    }
    reconciler.noteDeleted(goneForGood);
    for (const id of settled) {
      removedWhileInFlight.delete(id);
      updatedWhileInFlight.delete(id);
      latestOfInFlight.delete(id);
    }
    deletions.settleInFlight(settled);
    deletions.updateWaitingForNetwork(waitingForNetwork, settled);
    if (waitingForNetwork.length > 0) {
      narrowOutboxEntry(kept.deletionID, waitingForNetwork);
      retryWhenOnline(
        kept.deletionID,
        waitingForNetwork,
        outcomeBase.clearHistory,
        kept.attempt,
      ).catch(alreadyReported);
    } else {
      dropFromOutbox(kept.deletionID);
    }
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
      ...(waitingForNetwork.length > 0 ? { waitingForNetwork } : {}),
    };
    deletions.setLastOutcome(outcome);
    return outcome;
  }

  /** Sends again, settles, and keeps the outbox in step: for kept and network-delayed deletions. */
  async function sendAgain(
    deletionID: string,
    ids: readonly string[],
    clearHistory: boolean,
    attempt: number,
  ): Promise<DeletionOutcome> {
    let sent: SendDeletionsResult;
    try {
      sent = await sendDeletions({ adapter, conversationIDs: ids, clearMessage: clearHistory });
    } catch (error) {
      const { message } = reportError(error, false);
      sent = {
        results: ids.map((id) => failed(id, UNKNOWN_FAILURE_CODE, message)),
        notSent: [],
        stopped: false,
      };
    }
    try {
      return settleDeletion(
        ids,
        [],
        sent,
        { requested: [...ids], skipped: [], clearHistory },
        { deletionID, attempt },
      );
    } catch (error) {
      // Nobody awaits this send (it runs in the background): whatever throws while settling is
      // reported, and the IDs are not left marked in flight.
      deletions.settleInFlight(ids);
      deletions.updateWaitingForNetwork([], ids);
      throw reportError(error, false);
    }
  }

  // ----- waiting for the network -----

  /** Wakes the deletions waiting for the network: the device is back online. */
  const retryWaiters = new Set<() => void>();

  function wakeRetries(): void {
    for (const wake of [...retryWaiters]) wake();
  }

  /** Exponential backoff with jitter, capped at 30 s: 1 s, 2 s, 4 s … each between half and all of it. */
  function retryDelay(attempt: number): number {
    const ceiling = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  async function retryWhenOnline(
    deletionID: string,
    ids: readonly string[],
    clearHistory: boolean,
    attempt: number,
  ): Promise<void> {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        retryWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, retryDelay(attempt));
      retryWaiters.add(wake);
    });
    // What another device deleted meanwhile is gone already; the rest goes out again.
    const still = ids.filter((id) => deletions.isInFlight(id));
    if (still.length === 0) {
      dropFromOutbox(deletionID);
      return;
    }
    await sendAgain(deletionID, still, clearHistory, attempt + 1);
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
    get undoWindowMs() {
      return undoWindowMs;
    },
    setUndoWindowMs(next) {
      undoWindowMs = checkedUndoWindow(next);
    },
    undo(deletionID) {
      return undoWindows.undo(deletionID) !== null;
    },
    pauseUndoWindows: undoWindows.pause,
    resumeUndoWindows: undoWindows.resume,
    sendPendingNow: undoWindows.sendAllNow,
    applyEvent,
    applyPendingEvents: eventBuffer.flush,
    subscribe: listeners.add,
    subscribeToErrors: errorListeners.add,
    connect() {
      const removeHider = reconciler.addHider(hidesFromAnswer);
      // Once per runtime, however often it is connected (StrictMode connects it twice).
      if (!keptSent) {
        keptSent = true;
        for (const entry of keptAtStart) {
          if (handledInThisPage.has(entry.deletionID)) {
            // Another runtime of this page took it meanwhile: its rows are that one's to settle.
            deletions.settleInFlight(entry.conversationIDs);
          } else {
            handledInThisPage.add(entry.deletionID);
            accountOfKept.set(entry.deletionID, accountAtStart as string);
            // Kept from an earlier page load, its rows never shown in this one: "not found" counts
            // as done (that page may have sent it), a refusal brings the row back with a refetch.
            sendAgain(entry.deletionID, entry.conversationIDs, entry.clearHistory, 0).catch(
              alreadyReported,
            );
          }
        }
      }
      // Leaving the page ends the chance to undo, not the deletion.
      const sendBeforeLeaving = () => undoWindows.sendAllNow();
      const sendWhenHidden = () => {
        if (document.visibilityState === 'hidden') undoWindows.sendAllNow();
      };
      const hasDocument = typeof document !== 'undefined' && typeof window !== 'undefined';
      if (hasDocument) {
        window.addEventListener('pagehide', sendBeforeLeaving);
        document.addEventListener('visibilitychange', sendWhenHidden);
        window.addEventListener('online', wakeRetries);
      }
      // Back online: what waits for the network goes out now, not at the end of its backoff.
      const unsubscribeConnection = adapter.subscribeToConnection?.((online) => {
        if (online) wakeRetries();
      });
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
      // A list written before this runtime listened (prefetched on a server and hydrated, or
      // loaded by an earlier provider on this client): the store learns of it now, or no row of
      // it could be asked to be deleted.
      const listAtConnect = readList();
      if (listAtConnect && listAtConnect !== syncedList) syncStore(listAtConnect);
      return () => {
        if (hasDocument) {
          window.removeEventListener('pagehide', sendBeforeLeaving);
          document.removeEventListener('visibilitychange', sendWhenHidden);
          window.removeEventListener('online', wakeRetries);
        }
        unsubscribeConnection?.();
        removeHider();
        unsubscribeAdapter();
        unsubscribeCache();
      };
    },
  };
}
