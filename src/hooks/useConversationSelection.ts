import { useConversationKit } from '../context/ConversationKitContext';
import { useConversationStore } from './useConversationStore';

/**
 * The list's selection: selection mode, the selected IDs (a new `Set` on every change) and the
 * actions. Selection only ever holds IDs that are in the list.
 */
export function useConversationSelection() {
  const { store } = useConversationKit('useConversationSelection');
  const selectionMode = useConversationStore((state) => state.selectionMode);
  const selectedIDs = useConversationStore((state) => state.selectedIDs);
  const actions = store.getState();
  return {
    selectionMode,
    selectedIDs,
    selectedCount: selectedIDs.size,
    enterSelectionMode: actions.enterSelectionMode,
    exitSelectionMode: actions.exitSelectionMode,
    toggle: actions.toggle,
    setSelected: actions.setSelected,
    selectRange: actions.selectRange,
    selectAll: actions.selectAll,
    clearSelection: actions.clearSelection,
  };
}
