import { useStore } from 'zustand';
import { useConversationKit } from '../context/ConversationKitContext';
import type { DeletionState } from '../runtime/deletionState';

/**
 * Reads one value of the runtime's deletion state (IDs in flight, progress, the latest outcome);
 * the component re-renders only when that value changes.
 */
export function useDeletionState<T>(selector: (state: DeletionState) => T): T {
  return useStore(useConversationKit('useDeletionState').deletionState, selector);
}
