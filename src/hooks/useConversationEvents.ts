import { useEffect, useRef } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import type { ConversationEvent } from '../core/types';

/**
 * Calls `handler` for every change of the list after the kit applied it: each deletion once,
 * with its origin (`local` or `remote`), and each update. The latest handler is always called,
 * without resubscribing when it changes.
 */
export function useConversationEvents(handler: (event: ConversationEvent) => void): void {
  const runtime = useConversationKit('useConversationEvents');
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => runtime.subscribe((event) => handlerRef.current(event)), [runtime]);
}
