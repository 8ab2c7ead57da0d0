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
import { createOutboxKeeper } from './outboxKeeper';
import {
  defaultOutboxTabs,
  type OutboxTabMessage,
  type OutboxTabPort,
  type OutboxTabs,
  tabClock,
} from './outboxTabs';
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
  /**
   * How the tabs of one browser share the outbox. Default: Web Locks and a BroadcastChannel
   * where the browser has them; elsewhere the page acts as if it were the only one.
   */
  outboxTabs?: OutboxTabs;
}

/** Background sends report their errors to `subscribeToErrors` before they reject. */
const alreadyReported = () => {};

/** The first wait before a deletion that did not reach the network is sent again. */
const FIRST_RETRY_DELAY_MS = 1000;
/** The longest wait between two tries, however often the network failed. */
const MAX_RETRY_DELAY_MS = 30_000;

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

/** Unique across tabs and page loads: the tab's own ID is, and the number is within the page. */
function newDeletionID(tabID: string): string {
  lastDeletionNumber += 1;
  return `${tabID}-${lastDeletionNumber}`;
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

  const tabs = options.outboxTabs ?? defaultOutboxTabs();
  const keeper = createOutboxKeeper({
    storage:
      options.outboxStorage === undefined
        ? defaultOutboxStorage()
        : (options.outboxStorage ?? undefined),
    tabID: tabs.tabID,
    onAvailabilityChange: deletions.setOutboxUnavailable,
  });

  /** The signed-in account now: read each time, since an SDK may log in after the runtime exists. */
  function currentAccount(): string | undefined {
    const accountID = adapter.accountID;
    return typeof accountID === 'string' && accountID !== '' ? accountID : undefined;
  }

  /**
   * Deletions other runtimes are sending (another tab, another provider of this page, or a page
   * that closed before the backend had them): their rows stay hidden here until the sender says
   * how they ended, or this page takes them over from a closed one.
   */
  const held = new Map<string, { tabID: string; ids: Set<string> }>();
  /**
   * IDs this runtime's own deletions (confirmed here, or taken over) are deleting, with how many
   * of them do: a row confirmed in two tabs may end up in two deletions sent from one.
   */
  const ownPendingCount = new Map<string, number>();
  const ownPending = {
    has: (id: string) => ownPendingCount.has(id),
    add(ids: readonly string[]): void {
      for (const id of ids) ownPendingCount.set(id, (ownPendingCount.get(id) ?? 0) + 1);
    },
    settle(ids: readonly string[]): void {
      for (const id of ids) {
        const count = ownPendingCount.get(id) ?? 0;
        if (count > 1) ownPendingCount.set(id, count - 1);
        else ownPendingCount.delete(id);
      }
    },
  };
  /** When this runtime last heard an update of each conversation (a message that came for it). */
  const lastUpdateHeardAt = new Map<string, number>();

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

  // ----- rows hidden while a deletion is pending -----

  /** Takes rows out of the list and marks them in flight, keeping what a rollback puts back. */
  function hideRows(ids: readonly string[]): void {
    const list = readList();
    // One pass over the list removes the rows and keeps their latest version.
    const kept =
      list &&
      removeConversations(list, new Set(ids), (item) =>
        latestOfInFlight.set(item.conversationID, item),
      );
    deletions.markInFlight(ids);
    reconciler.noteDeleted(ids);
    if (kept) writeList(kept);
  }

  /**
   * The list with these rows back in their place, as last seen; `unseen` are rows this page never
   * listed (hidden from its first render), which only a refetch brings back.
   */
  function withRowsBack(
    list: Conversation[],
    ids: readonly string[],
  ): { next: Conversation[]; restored: Conversation[]; unseen: number } {
    const present = ids.length > 0 ? new Set(conversationIDsOf(list)) : new Set<string>();
    const missing = ids.filter((id) => !present.has(id));
    const restored = missing
      .map((id) => latestOfInFlight.get(id))
      .filter((item): item is Conversation => item !== undefined);
    return {
      next: upsertConversations(list, restored),
      restored,
      unseen: missing.length - restored.length,
    };
  }

  /** Whether a deletion another runtime sends holds this row hidden. */
  function isHeld(conversationID: string): boolean {
    for (const entry of held.values()) if (entry.ids.has(conversationID)) return true;
    return false;
  }

  /**
   * Forgets what was recorded about settled in-flight IDs, and unmarks them: those still pending
   * in another deletion (this runtime's own, or one it holds for another) stay as they are.
   */
  function forgetInFlight(ids: readonly string[]): void {
    const settled = ids.filter((id) => !ownPending.has(id) && !isHeld(id));
    for (const id of settled) {
      removedWhileInFlight.delete(id);
      updatedWhileInFlight.delete(id);
      latestOfInFlight.delete(id);
    }
    deletions.settleInFlight(settled);
  }

  /** Hides the rows of a deletion another runtime sends, until it says how it ended. */
  function holdRows(
    deletionID: string,
    tabID: string,
    conversationIDs: readonly string[],
    announcedAt = Number.NEGATIVE_INFINITY,
  ): void {
    const existing = held.get(deletionID);
    if (existing) {
      existing.tabID = tabID;
    } else {
      if (conversationIDs.length === 0) return;
      held.set(deletionID, { tabID, ids: new Set(conversationIDs) });
      // A message heard after the deletion was announced is newer than it (the announcement can
      // come late, after the deletion already went through): that row stays listed, as it does in
      // the sending tab. A message heard before no longer keeps a row listed.
      const hidden = conversationIDs.filter((id) => {
        const newer = (lastUpdateHeardAt.get(id) ?? Number.NEGATIVE_INFINITY) > announcedAt;
        if (newer) updatedWhileInFlight.add(id);
        else updatedWhileInFlight.delete(id);
        return !newer;
      });
      // Rows this runtime deletes itself are held too, so that undoing here does not show a row
      // another tab's deletion still removes. Before connect() the list is left alone (creating a
      // runtime changes nothing outside it); connect() takes the rows out of a list already there.
      if (port) hideRows(hidden);
      else deletions.markInFlight(hidden);
    }
    if (port) waitForTabToClose(tabID);
  }

  /** Another runtime settled some IDs of a deletion this one holds. */
  function releaseHeld(
    deletionID: string,
    deleted: readonly string[],
    restored: readonly string[],
  ): void {
    const entry = held.get(deletionID);
    if (!entry) return;
    const gone = deleted.filter((id) => entry.ids.has(id));
    const notDeleted = restored.filter((id) => entry.ids.has(id));
    for (const id of [...gone, ...notDeleted]) entry.ids.delete(id);
    if (entry.ids.size === 0) held.delete(deletionID);
    const stillPending = (id: string) => ownPending.has(id) || isHeld(id);
    // Gone for good, whatever another deletion of the same row here ends with.
    for (const id of gone) if (stillPending(id)) removedWhileInFlight.add(id);
    // A row comes back unless it is gone (another device deleted it meanwhile) or still pending.
    const back = notDeleted.filter((id) => !removedWhileInFlight.has(id) && !stillPending(id));
    const list = readList();
    if (list) {
      const { next, restored: rows, unseen } = withRowsBack(list, back);
      writeList(next);
      reconciler.noteUpdated(rows);
      if (unseen > 0) refetchList();
    }
    reconciler.noteDeleted(gone);
    forgetInFlight([...gone, ...notDeleted]);
  }

  // ----- this page's tabs: messages, and the pages that close -----

  let port: OutboxTabPort | undefined;
  /** The pages this runtime waits for, to take over what they leave when they close. */
  const waitingForTabs = new Map<string, () => void>();

  function post(message: OutboxTabMessage): void {
    port?.post(message);
  }

  function hear(message: OutboxTabMessage): void {
    if (message.accountID !== currentAccount()) return;
    if (message.type === 'pending') {
      holdRows(message.deletionID, message.tabID, message.conversationIDs, message.sentAt);
    } else {
      releaseHeld(message.deletionID, message.deleted, message.restored);
    }
  }

  function waitForTabToClose(tabID: string): void {
    if (waitingForTabs.has(tabID)) return;
    waitingForTabs.set(
      tabID,
      tabs.whenClosed(tabID, () => {
        waitingForTabs.delete(tabID);
        takeOverFrom(tabID);
      }),
    );
  }

  /**
   * Sends what a closed page kept (or what a thrown-away runtime of this page left): exactly one
   * page takes each entry (`OutboxTabs.whenClosed`), and tells the others it now sends it.
   */
  function takeOverFrom(tabID: string): void {
    const accountID = currentAccount();
    if (!accountID || !port) return;
    for (const entry of keeper.takeOver(accountID, tabID)) {
      held.delete(entry.deletionID);
      const hidden = entry.conversationIDs.filter((id) => !deletions.isInFlight(id));
      if (hidden.length > 0) hideRows(hidden);
      post({
        type: 'pending',
        accountID,
        tabID: tabs.tabID,
        deletionID: entry.deletionID,
        conversationIDs: entry.conversationIDs,
        sentAt: tabClock(),
      });
      // Kept from another page, perhaps sent there already: "not found" counts as done, a
      // refusal brings the row back (with a refetch when this page never listed it).
      ownPending.add(entry.conversationIDs);
      sendAgain(entry.deletionID, entry.conversationIDs, entry.clearHistory, 0).catch(
        alreadyReported,
      );
    }
    recheckHeld();
  }

  /**
   * Held deletions whose sender this runtime may not hear from any more: taken over by another
   * page (wait for that one instead), or settled while this runtime was not listening (the list
   * is fetched again, as the backend has it).
   */
  function recheckHeld(): void {
    const accountID = currentAccount();
    const kept = new Map(
      (accountID ? keeper.read(accountID) : []).map((entry) => [entry.deletionID, entry]),
    );
    let settledUnheard = false;
    for (const [deletionID, entry] of [...held]) {
      const stored = kept.get(deletionID);
      if (stored) {
        if (stored.tabID !== entry.tabID) holdRows(deletionID, stored.tabID, []);
        continue;
      }
      held.delete(deletionID);
      forgetInFlight([...entry.ids]);
      settledUnheard = true;
    }
    if (settledUnheard) refetchList();
  }

  function keepInOutbox(entry: Omit<OutboxEntry, 'tabID'>): void {
    // Without a known account nothing can be found again after a reload: nothing is kept.
    const accountID = currentAccount();
    if (!accountID) return;
    keeper.keep(accountID, entry);
    const { deletionID, conversationIDs } = entry;
    const sentAt = tabClock();
    post({ type: 'pending', accountID, tabID: tabs.tabID, deletionID, conversationIDs, sentAt });
  }

  /** Tells the other runtimes how some IDs of a kept deletion ended. */
  function postReleased(deletionID: string, deleted: string[], restored: string[]): void {
    const accountID = keeper.accountOf(deletionID);
    if (accountID === undefined || deleted.length + restored.length === 0) return;
    post({ type: 'released', accountID, deletionID, deleted, restored });
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
    // The adapter's own test of its IDs when it has one (Stream's `cid`, Sendbird's channel URL);
    // Tencent's forms otherwise. Bound, so that an adapter written as a class keeps its `this`.
    const ids = validateConversationIDs(dedupeConversationIDs(conversationIDs), {
      accepts: adapter.isConversationID?.bind(adapter),
    });
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
    const { selectedIDs } = store.getState();
    const wasSelected = toSend.filter((id) => selectedIDs.has(id));
    hideRows(toSend);
    ownPending.add(toSend);

    const deletionID = newDeletionID(tabs.tabID);
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
      sent = failedSend(error, sending, settledResults);
    } finally {
      deletions.endRun(run);
    }
    return settleSafely(toSend, wasSelected, sent, outcomeBase, { deletionID, attempt: 0 });
  }

  /**
   * What a send that threw leaves: rows already left the list, so whatever went wrong, every ID
   * without a result comes back as failed with the reason, and the deletion settles like any other.
   */
  function failedSend(
    error: unknown,
    ids: readonly string[],
    settledResults?: ReadonlyMap<string, DeleteResult>,
  ): SendDeletionsResult {
    const { message } = reportError(error, false);
    return {
      results: ids.map(
        (id) => settledResults?.get(id) ?? failed(id, UNKNOWN_FAILURE_CODE, message),
      ),
      notSent: [],
      stopped: false,
    };
  }

  /**
   * Settles a deletion. Settling touches the host's cache and listeners; whatever throws there is
   * reported, and the IDs are not left marked in flight, or every later deletion of them would be
   * skipped.
   */
  function settleSafely(
    ids: readonly string[],
    wasSelected: readonly string[],
    sent: SendDeletionsResult,
    outcomeBase: Pick<DeletionOutcome, 'requested' | 'skipped' | 'clearHistory' | 'undone'>,
    kept: { deletionID: string; attempt: number },
  ): DeletionOutcome {
    try {
      return settleDeletion(ids, wasSelected, sent, outcomeBase, kept);
    } catch (error) {
      ownPending.settle(ids);
      deletions.settleInFlight(ids);
      deletions.updateWaitingForNetwork([], ids);
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
    } = classifyResults(sent.results, removedWhileInFlight, isOffline());
    const comeBack = [...failures.map((result) => result.conversationID), ...sent.notSent].filter(
      (id) => !removedWhileInFlight.has(id),
    );
    // What waits for the network stays as it is: hidden, in flight, kept in the outbox.
    const waiting = new Set(waitingForNetwork);
    const settled = toSend.filter((id) => !waiting.has(id));

    // A row deleted here stays gone unless a new message brought it back meanwhile.
    const goneForGood = deletedHere.filter((id) => !updatedWhileInFlight.has(id));
    ownPending.settle(settled);
    // Gone for good, however the deletion another tab sends of the same row ends.
    for (const id of deleted) if (isHeld(id)) removedWhileInFlight.add(id);
    const list = readList();
    if (list) {
      const { next, restored, unseen } = withRowsBack(
        removeConversations(list, new Set(goneForGood)),
        // A row another deletion still removes (another tab's, or another of this runtime's
        // own: the same row confirmed in two tabs, one taken over) stays hidden until that ends.
        comeBack.filter((id) => !isHeld(id) && !ownPending.has(id)),
      );
      writeList(next);
      reconciler.noteUpdated(restored);
      // A row never shown on this page load (a deletion kept from the last one) comes back
      // with the list as the backend has it.
      if (unseen > 0) refetchList();
    }
    reconciler.noteDeleted(goneForGood);
    forgetInFlight(settled);
    deletions.updateWaitingForNetwork(waitingForNetwork, settled);
    const cameBack = new Set(comeBack);
    postReleased(
      kept.deletionID,
      settled.filter((id) => !cameBack.has(id)),
      comeBack,
    );
    if (waitingForNetwork.length > 0) {
      keeper.narrow(kept.deletionID, waitingForNetwork);
      retryWhenOnline(
        kept.deletionID,
        waitingForNetwork,
        outcomeBase.clearHistory,
        kept.attempt,
      ).catch(alreadyReported);
    } else {
      keeper.drop(kept.deletionID);
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
      sent = failedSend(error, ids);
    }
    return settleSafely(
      ids,
      [],
      sent,
      { requested: [...ids], skipped: [], clearHistory },
      { deletionID, attempt },
    );
  }

  // ----- waiting for the network -----

  /** Whether the backend's connection said it is down (`adapter.subscribeToConnection`). */
  let connectionDown = false;

  /** Whether the device is offline: the browser says so, or the backend's connection does. */
  function isOffline(): boolean {
    return connectionDown || globalThis.navigator?.onLine === false;
  }

  /** Wakes the deletions waiting for the network: the device is back online. */
  const retryWaiters = new Set<() => void>();

  function wakeRetries(): void {
    for (const wake of [...retryWaiters]) wake();
    if (refetchWhenOnline) refetchList();
  }

  /** Whether the list must be fetched again once the device is back online. */
  let refetchWhenOnline = false;
  /** Failed refetches in a row, for their backoff. */
  let refetchFailures = 0;
  /** The backoff's next try; a disconnected runtime fetches nothing more. */
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Fetches the list again, for rows that come back but were never listed on this page load (a
   * deletion kept from an earlier one, or another tab's). Not left to an invalidation: the next
   * write of the list would cancel it, and an offline device would never bring the rows back.
   * A failed fetch is tried again once back online, and after a backoff too: its failure may
   * arrive after the device came back.
   */
  function refetchList(): void {
    refetchWhenOnline = false;
    queryClient.fetchQuery({ ...queryOptions, staleTime: 0 }).then(
      () => {
        refetchFailures = 0;
      },
      () => {
        refetchWhenOnline = true;
        clearTimeout(refetchTimer);
        refetchTimer = setTimeout(() => {
          if (refetchWhenOnline) refetchList();
        }, retryDelay(refetchFailures));
        refetchFailures += 1;
      },
    );
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
    // What was settled meanwhile (settling threw) is not sent again; the rest goes out again.
    const still = ids.filter((id) => deletions.isInFlight(id));
    const settledMeanwhile = ids.filter((id) => !deletions.isInFlight(id));
    if (settledMeanwhile.length > 0) {
      ownPending.settle(settledMeanwhile);
      postReleased(deletionID, settledMeanwhile, []);
    }
    if (still.length === 0) {
      keeper.drop(deletionID);
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
    const heardAt = tabClock();
    for (const conversation of event.conversations) {
      const id = conversation.conversationID;
      lastUpdateHeardAt.set(id, heardAt);
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

  /**
   * Deletions kept by an earlier page load or another tab. Their rows are hidden from the very
   * first render (they are in flight from the start); on `connect()` this page learns which of
   * them to send (those of pages that closed) and which to leave to a live page.
   */
  const accountAtStart = currentAccount();
  for (const entry of accountAtStart ? keeper.read(accountAtStart) : []) {
    holdRows(entry.deletionID, entry.tabID, entry.conversationIDs);
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
      if (keeper.hasStorage) {
        const ports = [keeper.connectToPage(hear), tabs.connect(hear)];
        port = {
          post: (message) => {
            for (const each of ports) each.post(message);
          },
          close: () => {
            for (const each of ports) each.close();
          },
        };
      }
      // Rows held since the runtime was made leave a list that is already there (a provider
      // mounted again on a shared client, a list rendered on the server).
      const heldIDs = [...held.values()].flatMap((entry) => [...entry.ids]);
      if (heldIDs.length > 0) hideRows(heldIDs);
      for (const tabID of new Set([...held.values()].map((entry) => entry.tabID))) {
        // This page's own entries that no runtime of it sends are taken over at once; another
        // page's wait until it closes (StrictMode connects twice: the second finds nothing new).
        if (tabID === tabs.tabID) takeOverFrom(tabID);
        else waitForTabToClose(tabID);
      }
      recheckHeld();
      // A refetch the last disconnect stopped waiting for goes out now.
      if (refetchWhenOnline) refetchList();
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
        connectionDown = !online;
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
        port?.close();
        port = undefined;
        for (const stopWaiting of waitingForTabs.values()) stopWaiting();
        waitingForTabs.clear();
        if (hasDocument) {
          window.removeEventListener('pagehide', sendBeforeLeaving);
          document.removeEventListener('visibilitychange', sendWhenHidden);
          window.removeEventListener('online', wakeRetries);
        }
        unsubscribeConnection?.();
        // Still wanted: the next connect() fetches the list.
        clearTimeout(refetchTimer);
        removeHider();
        unsubscribeAdapter();
        unsubscribeCache();
      };
    },
  };
}
