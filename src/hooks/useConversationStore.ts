import { useStore } from 'zustand';
import { useConversationKit } from '../context/ConversationKitContext';
import type { ConversationStoreState } from '../store/createConversationStore';

/** Reads one value of the list's store; the component re-renders only when that value changes. */
export function useConversationStore<T>(selector: (state: ConversationStoreState) => T): T {
  return useStore(useConversationKit('useConversationStore').store, selector);
}
