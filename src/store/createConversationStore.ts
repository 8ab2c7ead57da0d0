import { createStore, type StoreApi } from 'zustand/vanilla';
import { findListedIDs } from '../core/conversationIds';
import type { DeleteResult } from '../core/types';

/** A deletion the person asked for and has not yet confirmed or cancelled. */
export interface DeletionRequest {
  /** The conversations to delete, in list order. One ID means the single-conversation flow. */
  conversationIDs: string[];
  /** Whether the chat history goes too (unrecoverable). */
  clearHistory: boolean;
}

/** How a deletion ended, for announcements and retry. */
export interface DeletionOutcome {
  /** What the person confirmed, without repeats and without IDs already being deleted. */
  requested: string[];
  /** Gone from the server: deleted here, or found deleted by another device meanwhile. */
  deleted: string[];
  /** Failed with their reasons; they are back in the list. */
  failed: DeleteResult[];
  /** Not sent because the deletion was stopped; they are back in the list. */
  notSent: string[];
  /** Skipped because a deletion of theirs was already in flight. */
  skipped: string[];
  /** Whether `stop()` ended the deletion before every chunk was sent. */
  stopped: boolean;
  clearHistory: boolean;
  /** The backend's result for every ID that was sent. */
  results: DeleteResult[];
}

/** Progress of the running deletions: IDs with a result, of all IDs to send. */
export interface DeletionProgress {
  done: number;
  total: number;
  /** IDs not sent yet: what Stop can still save. */
  unsent: number;
}

export interface SelectionSlice {
  /** The list's IDs in display order: selection and ranges are kept within them. */
  orderedIDs: string[];
  selectionMode: boolean;
  selectedIDs: ReadonlySet<string>;
  /** Where a Shift range starts: the last row toggled on its own. */
  anchorID: string | null;
  /** Replaces the list's IDs; selection, anchor, open swipe and pending request drop what left. */
  syncConversationIDs(orderedIDs: string[]): void;
  enterSelectionMode(): void;
  exitSelectionMode(): void;
  toggle(conversationID: string): void;
  setSelected(conversationID: string, selected: boolean): void;
  /** Selects every row from the anchor to this one (inclusive) and keeps the anchor. */
  selectRange(toConversationID: string): void;
  selectAll(): void;
  clearSelection(): void;
  /** Selects exactly these IDs (those in the list). */
  replaceSelection(conversationIDs: Iterable<string>): void;
}

export interface FocusSlice {
  /** The row that holds the list's single tab stop (roving focus), even while scrolled away. */
  focusedID: string | null;
  setFocusedID(conversationID: string | null): void;
}

export interface SwipeSlice {
  /** The one row whose swipe is open, if any. */
  openSwipeID: string | null;
  openSwipe(conversationID: string): void;
  closeSwipe(): void;
}

export interface DeletionSlice {
  defaultClearHistory: boolean;
  /** The deletion waiting for confirmation. */
  pendingDeletion: DeletionRequest | null;
  /** IDs whose deletion was sent (or is about to be) and has no result yet. */
  inFlightIDs: ReadonlySet<string>;
  progress: DeletionProgress | null;
  lastOutcome: DeletionOutcome | null;
  /** Asks to delete these conversations; returns false when none of them can be deleted now. */
  requestDeletion(
    conversationIDs: readonly string[],
    options?: { clearHistory?: boolean },
  ): boolean;
  setClearHistory(clearHistory: boolean): void;
  cancelDeletion(): void;
  /** Takes the pending request for the delete flow to run, leaving none pending. */
  takePendingDeletion(): DeletionRequest | null;
  markInFlight(conversationIDs: readonly string[]): void;
  settleInFlight(conversationIDs: readonly string[]): void;
  setProgress(progress: DeletionProgress | null): void;
  setLastOutcome(outcome: DeletionOutcome | null): void;
  /** Another device (or the backend) deleted these: drop them from every piece of state. */
  forgetConversations(conversationIDs: readonly string[]): void;
}

export type ConversationStoreState = SelectionSlice & SwipeSlice & FocusSlice & DeletionSlice;
export type ConversationStore = StoreApi<ConversationStoreState>;

export interface ConversationStoreOptions {
  /** Whether "Also clear chat history" starts checked. Default false. */
  defaultClearHistory?: boolean;
  /** Starts in selection mode. Default false. */
  selectionMode?: boolean;
}

/** The set without the IDs that are gone; the same set when none of them is. */
function withoutIDs(
  set: ReadonlySet<string>,
  isGone: (id: string) => boolean,
): ReadonlySet<string> {
  const kept = [...set].filter((id) => !isGone(id));
  return kept.length === set.size ? set : new Set(kept);
}

/** Drops the IDs that are gone from selection, anchor, open swipe and the pending request. */
function pruneState(
  state: ConversationStoreState,
  isGone: (id: string) => boolean,
): Partial<ConversationStoreState> {
  const patch: Partial<ConversationStoreState> = {};
  const selectedIDs = withoutIDs(state.selectedIDs, isGone);
  if (selectedIDs !== state.selectedIDs) patch.selectedIDs = selectedIDs;
  if (state.anchorID !== null && isGone(state.anchorID)) patch.anchorID = null;
  if (state.openSwipeID !== null && isGone(state.openSwipeID)) patch.openSwipeID = null;
  const pending = state.pendingDeletion;
  if (pending?.conversationIDs.some(isGone)) {
    const remaining = pending.conversationIDs.filter((id) => !isGone(id));
    patch.pendingDeletion =
      remaining.length > 0 ? { ...pending, conversationIDs: remaining } : null;
  }
  return patch;
}

/**
 * Creates the state of one conversation list: selection, selection mode, the open swipe, the
 * pending confirmation and the deletions in flight. One store per list instance, never shared.
 */
export function createConversationStore(options: ConversationStoreOptions = {}): ConversationStore {
  return createStore<ConversationStoreState>()((set, get) => ({
    // SelectionSlice: which rows are selected, within the list's IDs.
    orderedIDs: [],
    selectionMode: options.selectionMode ?? false,
    selectedIDs: new Set(),
    anchorID: null,
    syncConversationIDs(orderedIDs) {
      const state = get();
      // This runs on every change of the list: only the IDs the state names are looked for.
      const named = new Set(state.selectedIDs);
      for (const id of [state.anchorID, state.openSwipeID, state.focusedID]) {
        if (id !== null) named.add(id);
      }
      for (const id of state.pendingDeletion?.conversationIDs ?? []) named.add(id);
      const listed = findListedIDs(named, orderedIDs, (id) => id);
      // In-flight IDs are out of the list by design (optimistic); their request is already taken.
      const isGone = (id: string) => !listed.has(id);
      // A focused row that left hands the tab stop to the row that took its place.
      let focusedID = state.focusedID;
      if (focusedID !== null && isGone(focusedID)) {
        const formerIndex = state.orderedIDs.indexOf(focusedID);
        focusedID = orderedIDs[Math.min(Math.max(formerIndex, 0), orderedIDs.length - 1)] ?? null;
      }
      // The old array is kept when nothing changed, so subscribers to it do not re-render.
      const unchanged =
        orderedIDs.length === state.orderedIDs.length &&
        orderedIDs.every((id, index) => id === state.orderedIDs[index]);
      set({
        orderedIDs: unchanged ? state.orderedIDs : orderedIDs,
        focusedID,
        ...pruneState(state, isGone),
      });
    },
    enterSelectionMode() {
      // A row's open swipe makes no sense next to checkboxes.
      set({ selectionMode: true, openSwipeID: null });
    },
    exitSelectionMode() {
      set({ selectionMode: false, selectedIDs: new Set(), anchorID: null });
    },
    toggle(conversationID) {
      get().setSelected(conversationID, !get().selectedIDs.has(conversationID));
    },
    setSelected(conversationID, selected) {
      const { selectedIDs, orderedIDs } = get();
      if (!orderedIDs.includes(conversationID)) return;
      const next = new Set(selectedIDs);
      if (selected) next.add(conversationID);
      else next.delete(conversationID);
      set({ selectedIDs: next, anchorID: conversationID });
    },
    selectRange(toConversationID) {
      const { orderedIDs, anchorID, selectedIDs } = get();
      const to = orderedIDs.indexOf(toConversationID);
      if (to === -1) return;
      const from = anchorID === null ? -1 : orderedIDs.indexOf(anchorID);
      if (from === -1) {
        get().setSelected(toConversationID, true);
        return;
      }
      const next = new Set(selectedIDs);
      const [start, end] = from <= to ? [from, to] : [to, from];
      for (let index = start; index <= end; index += 1) next.add(orderedIDs[index] as string);
      set({ selectedIDs: next });
    },
    selectAll() {
      set({ selectedIDs: new Set(get().orderedIDs) });
    },
    clearSelection() {
      set({ selectedIDs: new Set(), anchorID: null });
    },
    replaceSelection(conversationIDs) {
      const present = new Set(get().orderedIDs);
      set({ selectedIDs: new Set([...conversationIDs].filter((id) => present.has(id))) });
    },
    // FocusSlice: the roving tab stop.
    focusedID: null,
    setFocusedID(focusedID) {
      set({ focusedID });
    },
    // SwipeSlice: the one open row.
    openSwipeID: null,
    openSwipe(conversationID) {
      const { selectionMode, orderedIDs } = get();
      if (selectionMode || !orderedIDs.includes(conversationID)) return;
      set({ openSwipeID: conversationID });
    },
    closeSwipe() {
      if (get().openSwipeID !== null) set({ openSwipeID: null });
    },
    // DeletionSlice: requests, deletions in flight and their outcomes.
    defaultClearHistory: options.defaultClearHistory ?? false,
    pendingDeletion: null,
    inFlightIDs: new Set(),
    progress: null,
    lastOutcome: null,
    requestDeletion(conversationIDs, requestOptions = {}) {
      const { orderedIDs, inFlightIDs, defaultClearHistory } = get();
      const wanted = new Set(conversationIDs);
      // Kept in list order, so a dialog and the flow see the rows as the person sees them.
      const deletable = orderedIDs.filter((id) => wanted.has(id) && !inFlightIDs.has(id));
      if (deletable.length === 0) return false;
      set({
        pendingDeletion: {
          conversationIDs: deletable,
          clearHistory: requestOptions.clearHistory ?? defaultClearHistory,
        },
      });
      return true;
    },
    setClearHistory(clearHistory) {
      const pending = get().pendingDeletion;
      if (pending) set({ pendingDeletion: { ...pending, clearHistory } });
    },
    cancelDeletion() {
      set({ pendingDeletion: null });
    },
    takePendingDeletion() {
      const pending = get().pendingDeletion;
      if (pending) set({ pendingDeletion: null, openSwipeID: null });
      return pending;
    },
    markInFlight(conversationIDs) {
      set({ inFlightIDs: new Set([...get().inFlightIDs, ...conversationIDs]) });
    },
    settleInFlight(conversationIDs) {
      const settled = new Set(conversationIDs);
      set({ inFlightIDs: withoutIDs(get().inFlightIDs, (id) => settled.has(id)) });
    },
    setProgress(progress) {
      set({ progress });
    },
    setLastOutcome(lastOutcome) {
      set({ lastOutcome });
    },
    forgetConversations(conversationIDs) {
      const state = get();
      const gone = new Set(conversationIDs);
      const isGone = (id: string) => gone.has(id);
      state.syncConversationIDs(state.orderedIDs.filter((id) => !isGone(id)));
      // IDs not (or no longer) in the list may still be selected or pending: drop them too.
      set(pruneState(get(), isGone));
    },
  }));
}
