import type { StateCreator } from 'zustand/vanilla';
import type { ConversationStoreState } from '../types';

export interface SelectionSlice {
  /** The list's IDs in display order: selection and ranges are kept within them. */
  orderedIDs: string[];
  selectionMode: boolean;
  selectedIDs: ReadonlySet<string>;
  /** Where a Shift range starts: the last row toggled on its own. */
  anchorID: string | null;
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

export function createSelectionSlice(options: {
  selectionMode?: boolean;
  selectedIDs?: Iterable<string>;
}): StateCreator<ConversationStoreState, [], [], SelectionSlice> {
  return (set, get) => ({
    orderedIDs: [],
    selectionMode: options.selectionMode ?? false,
    selectedIDs: new Set(options.selectedIDs),
    anchorID: null,
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
      const range = orderedIDs.slice(Math.min(from, to), Math.max(from, to) + 1);
      set({ selectedIDs: new Set([...selectedIDs, ...range]) });
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
  });
}
