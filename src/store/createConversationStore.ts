import { createStore, type StateCreator } from 'zustand/vanilla';
import { findListedIDs } from '../core/conversationIds';
import { createConfirmationSlice } from './slices/confirmationSlice';
import { createFocusSlice } from './slices/focusSlice';
import { createSelectionSlice } from './slices/selectionSlice';
import { createSwipeSlice } from './slices/swipeSlice';
import type { ConversationStore, ConversationStoreState, ListSyncSlice } from './types';

export type { DeletionRequest } from './slices/confirmationSlice';
export type { ConversationStore, ConversationStoreState } from './types';

export interface ConversationStoreOptions {
  /** Starts in selection mode. Default false. */
  selectionMode?: boolean;
  /** Starts with these conversations selected (those that turn out to be in the list). */
  selectedIDs?: Iterable<string>;
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

const createListSyncSlice: StateCreator<ConversationStoreState, [], [], ListSyncSlice> = (
  set,
  get,
) => ({
  syncConversationIDs(orderedIDs) {
    const state = get();
    // This runs on every change of the list: only the IDs the state names are looked for.
    const named = new Set(state.selectedIDs);
    for (const id of [state.anchorID, state.openSwipeID, state.focusedID]) {
      if (id !== null) named.add(id);
    }
    for (const id of state.pendingDeletion?.conversationIDs ?? []) named.add(id);
    const listed = findListedIDs(named, orderedIDs, (id) => id);
    // Rows being deleted are out of the list by design (optimistic); their request is taken.
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
  forgetConversations(conversationIDs) {
    const gone = new Set(conversationIDs);
    // The sync drops every ID the new list does not hold from the selection, anchor, open swipe
    // and request, so IDs that were never listed (or no longer are) go with those that were.
    get().syncConversationIDs(get().orderedIDs.filter((id) => !gone.has(id)));
  },
});

/**
 * Creates the UI state of one conversation list: selection, selection mode, roving focus, the
 * open swipe and the pending confirmation. One store per list instance, never shared; it knows
 * nothing of React, of the adapter or of deletions in flight (the runtime's own state).
 */
export function createConversationStore(options: ConversationStoreOptions = {}): ConversationStore {
  return createStore<ConversationStoreState>()((...slice) => ({
    ...createSelectionSlice(options)(...slice),
    ...createFocusSlice(...slice),
    ...createSwipeSlice(...slice),
    ...createConfirmationSlice(...slice),
    ...createListSyncSlice(...slice),
  }));
}
