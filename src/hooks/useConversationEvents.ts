import { useEffect } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import type { ConversationEvent } from '../core/types';
import { useCallbackRef } from './useCallbackRef';

/**
 * Calls `handler` for every change of the list after the kit applied it: each deletion once,
 * with its origin (`local` or `remote`), and each update. The latest handler is always called,
 * without resubscribing when it changes.
 */
export function useConversationEvents(handler: (event: ConversationEvent) => void): void {
  const runtime = useConversationKit('useConversationEvents');
  const onEvent = useCallbackRef(handler);
  useEffect(() => runtime.subscribe(onEvent), [runtime, onEvent]);
}
