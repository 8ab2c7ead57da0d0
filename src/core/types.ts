/** The kind of a conversation, as the chat backend reports it. */
export type ConversationType = 'C2C' | 'GROUP' | 'SYSTEM';

/** One row of a conversation list, independent of the backend it came from. */
export interface Conversation {
  /** Backend ID, e.g. `C2Calice`, `GROUPteam` or `@TIM#SYSTEM`. Never parse names out of it. */
  conversationID: string;
  type: ConversationType;
  /** The name to show: a friend's remark or nickname, or the group's name. Rendered as text. */
  displayName: string;
  avatarUrl?: string;
  /** The latest message; `timestamp` is in milliseconds since the epoch. */
  lastMessage?: { text: string; timestamp: number };
  unreadCount: number;
  isPinned: boolean;
}

/** The outcome of deleting one conversation. `code` is 0 on success, else the backend's code. */
export interface DeleteResult {
  conversationID: string;
  ok: boolean;
  code: number;
  message: string;
}

/** Where a deletion came from: this client (`local`) or another device of the same user (`remote`). */
export type DeletionOrigin = 'local' | 'remote';

/**
 * What an adapter tells its subscribers.
 * - `conversationsDeleted`: these IDs are gone from the list.
 * - `conversationsUpdated`: these conversations were added or changed (upsert by ID);
 *   conversations not named are unchanged.
 */
export type ConversationEvent =
  | { type: 'conversationsDeleted'; conversationIDs: string[]; origin: DeletionOrigin }
  | { type: 'conversationsUpdated'; conversations: Conversation[] };

/** What a backend can do. */
export interface AdapterCapabilities {
  /** The most IDs one batch call may carry (100 for Tencent Cloud Chat). */
  maxBatchSize: number;
  /** Whether a deletion can keep the chat history (`clearMessage: false`). */
  keepHistory: boolean;
}

/** Options of a batch deletion. */
export interface DeleteListOptions {
  /** `true` deletes the history on this device and the server too, unrecoverably. */
  clearMessage: boolean;
}

/**
 * The one interface a chat backend implements to plug into the kit.
 *
 * Contract: invalid input (empty list, duplicates, malformed or non-string IDs) rejects
 * with a `ConversationKitError` before any backend call. For valid input, the promises
 * resolve with one `DeleteResult` per ID, failures included, so a caller can roll back
 * exactly the IDs that failed. Callers still treat a rejection as the failure of every ID sent.
 */
export interface ChatAdapter {
  readonly capabilities: AdapterCapabilities;
  /** The conversations of the logged-in user on this device. */
  getConversationList(): Promise<Conversation[]>;
  /** Deletes one conversation and its chat history, on this device and the server. */
  deleteConversation(conversationID: string): Promise<DeleteResult>;
  /** Deletes many conversations; `clearMessage: false` keeps their history. */
  deleteConversationList(
    conversationIDs: string[],
    options: DeleteListOptions,
  ): Promise<DeleteResult[]>;
  /** Listens for deletions and updates; returns the function that stops listening. */
  subscribe(listener: (event: ConversationEvent) => void): () => void;
  /**
   * The signed-in account this adapter acts for (for Tencent Cloud Chat, the user ID). The kit
   * keys its durable outbox by it, so that deletions kept across reloads are only ever sent for
   * the account that confirmed them. `undefined` when unknown (not logged in yet, or a backend
   * that does not say): then nothing is kept across reloads. Read it when needed: it can change
   * when the person signs in or out.
   */
  readonly accountID?: string;
  /**
   * Optional: a name for this adapter's conversation list that is the same wherever the adapter
   * is made, for server rendering (docs/server-rendering.md). The list's query key is built from
   * it instead of from the adapter object, so a list prefetched on the server with an adapter
   * made there is found in the browser by the adapter made there. Two adapters with the same
   * `cacheKey` on one `QueryClient` share one list: give each account (and each device of a
   * demo) its own.
   */
  readonly cacheKey?: string;
  /**
   * Optional: listens for the backend's connection changing, `true` when it is connected again
   * and `false` when it lost the connection; returns the function that stops listening. Only
   * changes are reported (nothing on subscribing); a network failure of a call (see
   * `isNetworkFailureCode`) says the same without it.
   */
  subscribeToConnection?(listener: (online: boolean) => void): () => void;
  /**
   * Optional: whether a string is a conversation ID of this backend (Stream Chat's `cid`
   * `messaging:abc`, Sendbird's channel URL). The kit checks every ID against it before a
   * deletion reaches the adapter. Without it, Tencent Cloud Chat's forms are expected
   * (`C2C…`, `GROUP…`, `@TIM#SYSTEM`, `c2c_…`, `group_…`), as the in-memory server uses.
   */
  isConversationID?(value: string): boolean;
}
