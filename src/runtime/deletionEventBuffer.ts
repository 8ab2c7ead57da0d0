import { scheduleTask } from '../core/scheduleTask';
import type { ConversationEvent } from '../core/types';

export type DeletionEvent = Extract<ConversationEvent, { type: 'conversationsDeleted' }>;

/**
 * Deletion events heard from the adapter and not yet applied. A backend answers a batch in
 * chunks, each with its own event, often within one task; applying them together costs one list
 * pass and one render instead of one per chunk. Whatever reads the list calls `flush()` first, so
 * nothing ever acts on a list that is behind what was heard.
 */
export interface DeletionEventBuffer {
  push(event: DeletionEvent): void;
  /** Applies every buffered event now (nothing when there is none). */
  flush(): void;
}

export function createDeletionEventBuffer(
  apply: (events: DeletionEvent[]) => void,
): DeletionEventBuffer {
  let pending: DeletionEvent[] = [];
  function flush(): void {
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    apply(events);
  }
  return {
    push(event) {
      if (pending.length === 0) scheduleTask(flush);
      pending.push(event);
    },
    flush,
  };
}
