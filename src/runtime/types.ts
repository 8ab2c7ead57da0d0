import type { ConversationKitError } from '../core/errors';
import type { Conversation, DeleteResult } from '../core/types';

/** How a deletion ended, for announcements and retry. */
export interface DeletionOutcome {
  /** What the person confirmed, without repeats and without IDs already being deleted. */
  requested: string[];
  /** Gone from the server: deleted here, found already gone (2500), or deleted elsewhere meanwhile. */
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
  /** Undone in its undo window: nothing was sent, and the rows are back (`notSent` lists them). */
  undone?: boolean;
  /**
   * Not reached by the network: no failure, their rows stay hidden, and the outbox sends them
   * again (with backoff, and at once when the device is back online).
   */
  waitingForNetwork?: string[];
}

/** Progress of the running deletions: IDs with a result, of all IDs to send. */
export interface DeletionProgress {
  done: number;
  total: number;
  /** IDs not sent yet: what Stop can still save. */
  unsent: number;
}

export interface DeleteConversationsOptions {
  /** `true` deletes the chat history too, unrecoverably. */
  clearHistory: boolean;
  /** Batch calls in flight at once. Default 2. */
  concurrency?: number;
}

/** An error of the kit, and whether it refused a request outright. */
export interface ConversationKitErrorReport {
  error: ConversationKitError;
  /** `true`: refused before anything left the list or reached the backend. */
  refused: boolean;
}

/** The options the kit's conversation query runs with; spread them into a host's own fetches. */
export interface ConversationQueryOptions {
  readonly queryKey: readonly unknown[];
  readonly queryFn: () => Promise<Conversation[]>;
  /** Adapter events keep the list live; refetching on its own would only race with them. */
  readonly staleTime: number;
  readonly refetchOnWindowFocus: false;
  /** Brings a fetched answer up to date with what happened while it was loading. */
  readonly structuralSharing: (previous: unknown, next: unknown) => unknown;
}

/**
 * What the runtime needs of the list's UI state: kept in step with the list, and read for the
 * confirmation and the selection. `createConversationStore()` is one; the runtime does not know
 * which, so the layers above it can own their state.
 */
export interface ListStateAccess {
  getState(): {
    readonly selectionMode: boolean;
    readonly selectedIDs: ReadonlySet<string>;
    /** The list's IDs changed: drop from the state what left. */
    syncConversationIDs(orderedIDs: string[]): void;
    /** Conversations deleted elsewhere, listed or not: drop them from every piece of state. */
    forgetConversations(conversationIDs: readonly string[]): void;
    replaceSelection(conversationIDs: Iterable<string>): void;
    /** Takes the deletion waiting for confirmation, leaving none. */
    takePendingDeletion(): { conversationIDs: string[]; clearHistory: boolean } | null;
  };
}
